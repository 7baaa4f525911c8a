package io.duban.console.audit;

import io.duban.console.ConsolePage;
import io.duban.query.api.audit.AuditReadPage;
import io.duban.query.api.audit.FindAuditReads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** 审计 · 查阅记录: who of the inspectors looked at what (API and console), newest first, a page at a time. */
@Controller
class ReadLogController {

    static final int PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final ZoneId zone;

    ReadLogController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.zone = clock.getZone();
    }

    @GetMapping(ConsolePage.ROOT + "/audit/reads")
    String reads(@RequestParam(required = false) String userId, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String page,
                 Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("userId", FieldErrors.text(userId));
        form.put("from", FieldErrors.text(from));
        form.put("to", FieldErrors.text(to));
        FieldErrors errors = new FieldErrors();
        LocalDate fromDay = errors.date("from", from);
        LocalDate toDay = errors.date("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("to", "截止日期不能早于起始日期");
        }
        model.addAttribute("page", ConsolePage.AUDIT);
        model.addAttribute("tab", "reads");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        if (errors.any()) {
            return "console/audit/reads";
        }
        int number = TimelineSearchController.pageNumber(page);
        AuditReadPage result = queries.one(new FindAuditReads(form.get("userId"),
                fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(), number, PAGE_SIZE),
                AuditReadPage.class);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.rows().stream().map(r -> new Row(Labels.time(r.at(), zone), r.userId(),
                r.method(), r.queryString() == null ? r.path() : r.path() + "?" + r.queryString(), r.status()))
                .toList());
        model.addAttribute("previous", number > 0 ? link(form, number - 1) : null);
        model.addAttribute("next", number + 1 < result.pages() ? link(form, number + 1) : null);
        return "console/audit/reads";
    }

    record Row(String time, String userId, String method, String target, int status) {
    }

    private static String link(Map<String, String> form, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(ConsolePage.ROOT + "/audit/reads");
        form.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("page", page).encode().build().toUriString();
    }
}
