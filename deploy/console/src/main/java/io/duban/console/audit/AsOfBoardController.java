package io.duban.console.audit;

import io.duban.console.ConsolePage;
import io.duban.query.api.asof.AsOfBoard;
import io.duban.query.api.asof.FindBoardAsOf;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.api.catalog.FindPolicies;
import io.duban.query.api.catalog.PolicyView;
import io.duban.query.api.catalog.UnitRef;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 审计 · 历史看板: "what did the board show on 2024-03-31", recomputed from the events. A date means the end of that
 * business day; a date before the first event (or before the policy's import) gets the read side's own message next
 * to the field.
 */
@Controller
class AsOfBoardController {

    private final AuditQueries queries;
    private final Clock clock;

    AsOfBoardController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping(ConsolePage.ROOT + "/audit/as-of")
    String board(@RequestParam(required = false) String at, @RequestParam(required = false) String policyId,
                 Model model) {
        ZoneId zone = clock.getZone();
        List<PolicyView> policies = queries.many(new FindPolicies(), PolicyView.class);
        String policy = FieldErrors.text(policyId) != null ? FieldErrors.text(policyId)
                : policies.isEmpty() ? null : policies.get(0).policyId();
        model.addAttribute("page", ConsolePage.AUDIT);
        model.addAttribute("tab", "as-of");
        model.addAttribute("policies", policies);
        model.addAttribute("policyId", policy);
        model.addAttribute("at", FieldErrors.text(at));
        model.addAttribute("today", LocalDate.now(clock));
        FieldErrors errors = new FieldErrors();
        model.addAttribute("errors", errors.asMap());
        LocalDate day = errors.date("at", at);
        if (day == null) {
            return "console/audit/as-of";
        }
        if (day.isAfter(LocalDate.now(clock))) {
            errors.add("at", "所查日期晚于今天：历史看板只回看过去");
            return "console/audit/as-of";
        }
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
        try {
            AsOfBoard board = queries.one(new FindBoardAsOf(policy, end), AsOfBoard.class);
            model.addAttribute("board", board);
            model.addAttribute("lastEventAt", Labels.time(board.lastEventAt(), zone));
            model.addAttribute("rows", board.items().stream().map(AsOfBoardController::row).toList());
        } catch (AuditQueries.Refused refused) {
            errors.add("at", refused.getMessage());
        }
        return "console/audit/as-of";
    }

    /** An item of the board as it stood: its own units, its light (with the first reason) and overall progress. */
    record Row(int number, String text, String article, String units, int registered, int unregistered,
               double progress, String lightKey, String lightLabel, String reason) {
    }

    private static Row row(ItemBoardEntry entry) {
        List<UnitRef> own = entry.item().ownUnits().isEmpty() ? entry.item().units() : entry.item().ownUnits();
        return new Row(entry.item().number(), entry.item().text(), entry.item().article(),
                own.stream().map(UnitRef::name).collect(Collectors.joining("、")),
                entry.progress().registeredUnits(), entry.progress().unregisteredUnits(),
                entry.progress().overallProgress(), entry.light().color().name().toLowerCase(),
                entry.light().label(), entry.light().reasons().isEmpty() ? "" : entry.light().reasons().get(0));
    }
}
