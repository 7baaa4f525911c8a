package io.duban.query.board;

import io.duban.query.api.board.UnitSummary;
import io.duban.query.api.board.UnitBoard;
import io.duban.query.api.board.FindUnits;
import io.duban.query.api.board.FindUnitBoard;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.UnitBoard.UnitBoardRow;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.api.catalog.ItemRef;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.catalog.UnitView;
import io.duban.query.commitment.BoardEntries;
import io.duban.query.commitment.BoardRowReader;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;
import io.duban.query.light.TrafficLights;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Answers the unit queries from the units, items and commitments views. */
@Component
public class UnitBoardQueries {

    private static final Light NOT_REGISTERED = Light.of(LightColor.NONE, List.of("尚未登记承诺"));

    private final CatalogReader catalog;
    private final CommitmentReader commitments;
    private final TrafficLights lights;
    private final BoardRowReader boardRows;

    public UnitBoardQueries(CatalogReader catalog, CommitmentReader commitments, TrafficLights lights,
                            BoardRowReader boardRows) {
        this.catalog = catalog;
        this.commitments = commitments;
        this.lights = lights;
        this.boardRows = boardRows;
    }

    /**
     * Every unit with its items' lights: the registered commitments counted by colour from the units' board digests
     * (one read by {@code _id}, whatever their number), the items without a commitment as NONE.
     */
    @QueryHandler
    public List<UnitSummary> handle(FindUnits query) {
        List<UnitView> units = catalog.units();
        return summaries(units, boardRows.entries(units.stream().map(UnitView::unitId).toList()));
    }

    /** The units' summaries on today from entries already read (总览 reads them once for several figures). */
    List<UnitSummary> summaries(List<UnitView> units, BoardEntries entries) {
        Map<String, Map<LightColor, Integer>> byUnit = entries.lightsByUnit(lights.today());
        return units.stream().map(unit -> {
            Map<LightColor, Integer> registered = byUnit.getOrDefault(unit.unitId(), Map.of());
            int count = registered.values().stream().mapToInt(Integer::intValue).sum();
            return new UnitSummary(unit.unitId(), unit.name(), unit.coResponsible(), unit.items().size(), count,
                    LightCounts.of(registered, Math.max(0, unit.items().size() - count)));
        }).toList();
    }

    @QueryHandler
    public UnitBoard handle(FindUnitBoard query) {
        UnitView unit = catalog.unit(query.unitId())
                .orElseThrow(() -> new NotFoundException("未找到责任单位：" + query.unitId()));
        Map<ItemRef, CommitmentView> mine = byItem(commitments.find(unit.unitId(), null, null));
        List<UnitBoardRow> rows = new ArrayList<>();
        for (ItemView item : catalog.items(unit.items())) {
            CommitmentView commitment = mine.get(item.ref());
            Light light = commitment == null ? NOT_REGISTERED : lights.of(commitment);
            rows.add(new UnitBoardRow(item.policyId(), item.number(), item.text(), item.articleTitle(), light,
                    commitment == null ? null : CommitmentSummary.of(commitment, light)));
        }
        return new UnitBoard(unit, LightCounts.of(rows.stream().map(UnitBoardRow::light).toList()), rows);
    }

    private static Map<ItemRef, CommitmentView> byItem(List<CommitmentView> commitments) {
        return commitments.stream().collect(Collectors.toMap(c -> new ItemRef(c.policyId(), c.itemNumber()),
                Function.identity(), (a, b) -> a));
    }
}
