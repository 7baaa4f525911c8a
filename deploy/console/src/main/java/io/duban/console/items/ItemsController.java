package io.duban.console.items;

import io.duban.console.ConsolePage;
import io.duban.console.Lights;
import io.duban.console.Queries;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.FindItem;
import io.duban.query.api.board.FindItemBoard;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.api.board.ItemDetail;
import io.duban.query.api.catalog.UnitRef;
import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 事项清单: every item of every policy with its units, each unit's light and progress, filtered by article, unit and
 * light (a GET form, so a filtered list can be bookmarked); and one item's page. One query per page view.
 */
@Controller
class ItemsController {

    private static final Light NOT_REGISTERED = Light.of(LightColor.NONE, List.of("尚未登记承诺"));

    private final QueryGateway queries;

    ItemsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(ConsolePage.ROOT + "/items")
    String items(@RequestParam(required = false) String article, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) String light, Model model) {
        List<ItemBoardEntry> board = Queries.await(queries.query(new FindItemBoard(null),
                ResponseTypes.multipleInstancesOf(ItemBoardEntry.class)));
        LightColor color = Arrays.stream(LightColor.values()).filter(c -> c.name().equals(light)).findFirst().orElse(null);
        String articleFilter = blankToNull(article);
        String unitFilter = blankToNull(unit);
        List<Row> rows = board.stream().map(ItemsController::row)
                .filter(r -> articleFilter == null || articleFilter.equals(r.entry().item().article()))
                .filter(r -> unitFilter == null || r.units().stream().anyMatch(u -> u.unitId().equals(unitFilter)))
                .filter(r -> color == null || r.units().stream()
                        .filter(u -> unitFilter == null || u.unitId().equals(unitFilter))
                        .anyMatch(u -> u.light().color() == color))
                .toList();
        Map<String, String> articles = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        board.forEach(e -> {
            articles.putIfAbsent(e.item().article(), e.item().article() + " " + Objects.toString(e.item().articleTitle(), ""));
            e.item().units().forEach(u -> units.putIfAbsent(u.unitId(), u.name()));
        });
        model.addAttribute("page", ConsolePage.ITEMS);
        model.addAttribute("rows", rows);
        model.addAttribute("total", board.size());
        model.addAttribute("articles", articles);
        model.addAttribute("units", units.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(java.text.Collator.getInstance(java.util.Locale.CHINA))).toList());
        model.addAttribute("lights", List.of(LightColor.RED, LightColor.YELLOW, LightColor.GREEN, LightColor.DONE,
                LightColor.NONE));
        model.addAttribute("article", articleFilter);
        model.addAttribute("unit", unitFilter);
        model.addAttribute("light", color);
        return "console/items";
    }

    @GetMapping(ConsolePage.ROOT + "/items/{policyId}/{number:\\d+}")
    String item(@PathVariable String policyId, @PathVariable int number, Model model) {
        ItemDetail item = Queries.await(queries.query(new FindItem(policyId, number), ItemDetail.class));
        model.addAttribute("page", ConsolePage.ITEMS);
        Map<String, CommitmentDetail> byUnit = new LinkedHashMap<>();
        item.commitments().forEach(c -> byUnit.putIfAbsent(c.commitment().unitId(), c));
        model.addAttribute("item", item);
        model.addAttribute("itemLightKey", Lights.key(item.light().color()));
        model.addAttribute("unitRows", item.item().units().stream()
                .sorted(Comparator.comparing(UnitRef::coResponsible))
                .map(u -> new ItemUnit(u, byUnit.get(u.unitId()))).toList());
        return "console/item";
    }

    private static Row row(ItemBoardEntry entry) {
        Map<String, CommitmentSummary> byUnit = new LinkedHashMap<>();
        entry.commitments().forEach(c -> byUnit.putIfAbsent(c.unitId(), c));
        List<UnitLight> units = entry.item().units().stream()
                .sorted(Comparator.comparing(UnitRef::coResponsible))
                .map(u -> {
                    CommitmentSummary c = byUnit.get(u.unitId());
                    return new UnitLight(u.unitId(), u.name(), u.coResponsible(), c == null ? null : c.commitmentId(),
                            c == null ? NOT_REGISTERED : c.light(), c == null ? 0 : c.progress());
                }).toList();
        return new Row(entry, units);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A unit of the item page with its commitment in full (null when not registered). */
    record ItemUnit(UnitRef unit, CommitmentDetail detail) {

        public Light light() {
            return detail == null ? NOT_REGISTERED : detail.light();
        }

        public String key() {
            return Lights.key(light().color());
        }

        /** The earliest open milestone, or null. */
        public io.duban.query.api.commitment.CommitmentView.MilestoneView next() {
            return detail == null ? null : detail.commitment().milestones().stream().filter(m -> !m.completed())
                    .min(Comparator.comparing(m -> m.dueDate() == null ? java.time.LocalDate.MAX : m.dueDate()))
                    .orElse(null);
        }
    }

    /** An item on the list with its units. */
    record Row(ItemBoardEntry entry, List<UnitLight> units) {
    }

    /** One unit of an item: its commitment (null when not registered), light and progress. */
    record UnitLight(String unitId, String name, boolean coResponsible, String commitmentId, Light light, int progress) {

        public String key() {
            return Lights.key(light.color());
        }
    }
}
