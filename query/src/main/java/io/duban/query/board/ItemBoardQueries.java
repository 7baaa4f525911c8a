package io.duban.query.board;

import io.duban.query.api.board.ItemProgress;
import io.duban.query.api.board.ItemDetail;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.api.board.FindItemBoard;
import io.duban.query.api.board.FindItem;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.api.catalog.ItemRef;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.light.Light;
import io.duban.query.light.TrafficLights;
import io.duban.query.light.TrafficLights.LabelledLight;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Answers the item board queries from the items and commitments views. */
@Component
public class ItemBoardQueries {

    private final CatalogReader catalog;
    private final CommitmentReader commitments;
    private final TrafficLights lights;

    public ItemBoardQueries(CatalogReader catalog, CommitmentReader commitments, TrafficLights lights) {
        this.catalog = catalog;
        this.commitments = commitments;
        this.lights = lights;
    }

    @QueryHandler
    public List<ItemBoardEntry> handle(FindItemBoard query) {
        List<ItemView> items = catalog.items(query.policyId());
        if (items.isEmpty() && query.policyId() != null && catalog.policy(query.policyId()).isEmpty()) {
            throw new NotFoundException("未找到政策文件：" + query.policyId());
        }
        Map<ItemRef, List<CommitmentView>> byItem = commitments.findForBoard(null, query.policyId(), null).stream()
                .collect(Collectors.groupingBy(c -> new ItemRef(c.policyId(), c.itemNumber())));
        return items.stream().map(item -> {
            List<CommitmentView> itemCommitments = byItem.getOrDefault(item.ref(), List.of());
            List<CommitmentSummary> summaries = itemCommitments.stream()
                    .map(c -> CommitmentSummary.of(c, lights.of(c)))
                    .toList();
            Light light = lights.worstOf(summaries.stream().map(s -> new LabelledLight(s.unitName(), s.light())).toList());
            return new ItemBoardEntry(item, ItemProgress.of(item, itemCommitments), light, summaries);
        }).toList();
    }

    @QueryHandler
    public ItemDetail handle(FindItem query) {
        ItemView item = catalog.item(query.policyId(), query.number())
                .orElseThrow(() -> new NotFoundException("未找到支持事项：" + query.policyId() + " 第 " + query.number() + " 项"));
        List<CommitmentView> itemCommitments = commitments.find(null, query.policyId(), query.number());
        List<CommitmentDetail> details = itemCommitments.stream()
                .map(c -> CommitmentDetail.of(c, lights.of(c)))
                .toList();
        Light light = lights.worstOf(details.stream()
                .map(d -> new LabelledLight(d.commitment().unitName(), d.light())).toList());
        return new ItemDetail(item, ItemProgress.of(item, itemCommitments), light, details);
    }
}
