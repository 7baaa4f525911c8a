package io.duban.query.board;

import io.duban.query.api.board.BoardSummary;
import io.duban.query.api.board.BoardSummary.ItemTotal;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.FindBoardSummary;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.api.catalog.UnitView;
import io.duban.query.commitment.BoardEntries;
import io.duban.query.commitment.BoardRowReader;
import io.duban.query.commitment.BoardRowReader.Listed;
import io.duban.query.light.BoardProperties;
import io.duban.query.light.TrafficLights;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Answers {@link FindBoardSummary} from the units' board digests (one read by {@code _id}), the listed rows (one
 * read by {@code _id}) and the units and items views.
 */
@Component
public class BoardSummaryQueries {

    private final BoardRowReader rows;
    private final UnitBoardQueries units;
    private final CatalogReader catalog;
    private final TrafficLights lights;
    private final BoardProperties properties;

    public BoardSummaryQueries(BoardRowReader rows, UnitBoardQueries units, CatalogReader catalog, TrafficLights lights,
                               BoardProperties properties) {
        this.rows = rows;
        this.units = units;
        this.catalog = catalog;
        this.lights = lights;
        this.properties = properties;
    }

    @QueryHandler
    public BoardSummary handle(FindBoardSummary query) {
        LocalDate today = lights.today();
        List<UnitView> unitViews = catalog.units();
        BoardEntries entries = rows.entries(unitViews.stream().map(UnitView::unitId).toList());
        Listed overdue = rows.listed(entries.overdue(today, query.listLength()));
        Listed dueSoon = rows.listed(entries.dueSoon(today, today.plusDays(properties.dueSoonDays()), query.listLength()));
        Map<io.duban.query.api.catalog.ItemRef, int[]> totals = entries.progressByItem();
        List<ItemTotal> items = catalog.items((String) null).stream().map(item -> total(item, totals)).toList();
        return new BoardSummary(today, properties.dueSoonDays(), summaries(overdue), overdue.all(), summaries(dueSoon),
                dueSoon.all(), items, units.summaries(unitViews, entries));
    }

    private static ItemTotal total(ItemView item, Map<io.duban.query.api.catalog.ItemRef, int[]> totals) {
        int[] t = totals.get(item.ref());
        return new ItemTotal(item, t == null ? 0 : t[0], t == null ? 0 : t[1]);
    }

    private List<CommitmentSummary> summaries(Listed listed) {
        return listed.first().stream().map(c -> CommitmentSummary.of(c, lights.of(c))).toList();
    }
}
