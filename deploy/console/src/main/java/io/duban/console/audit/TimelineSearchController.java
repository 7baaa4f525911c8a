package io.duban.console.audit;

import io.duban.command.api.Channel;
import io.duban.console.ConsolePage;
import io.duban.query.api.catalog.FindPolicies;
import io.duban.query.api.catalog.PolicyView;
import io.duban.query.api.timeline.FindTimelinePage;
import io.duban.query.api.timeline.TimelinePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 审计 · 事件检索, the inspectors' home: the timeline searched by commitment, item, unit, person, time range, event
 * type and channel, a page at a time (one count and one page read, plus the units and policies for the form).
 */
@Controller
class TimelineSearchController {

    static final int PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final ZoneId zone;

    TimelineSearchController(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.zone = clock.getZone();
    }

    @GetMapping(ConsolePage.ROOT + "/audit")
    String search(@RequestParam(required = false) String commitmentId,
                  @RequestParam(required = false) String policyId,
                  @RequestParam(required = false) String itemNumber,
                  @RequestParam(required = false) String unitId,
                  @RequestParam(required = false) String userId,
                  @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to,
                  @RequestParam(required = false) String type,
                  @RequestParam(required = false) String channel,
                  @RequestParam(required = false) String order,
                  @RequestParam(required = false) String page,
                  Model model) {
        Map<String, String> units = queries.unitNames();
        List<PolicyView> policies = queries.many(new FindPolicies(), PolicyView.class);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("commitmentId", FieldErrors.text(commitmentId));
        form.put("policyId", FieldErrors.text(policyId) != null ? FieldErrors.text(policyId)
                : policies.isEmpty() ? null : policies.get(0).policyId());
        form.put("itemNumber", FieldErrors.text(itemNumber));
        form.put("unitId", FieldErrors.text(unitId));
        form.put("userId", FieldErrors.text(userId));
        form.put("from", FieldErrors.text(from));
        form.put("to", FieldErrors.text(to));
        form.put("type", FieldErrors.text(type));
        form.put("channel", FieldErrors.text(channel));
        form.put("order", "oldest".equals(FieldErrors.text(order)) ? "oldest" : "newest");

        FieldErrors errors = new FieldErrors();
        Integer number = null;
        if (form.get("itemNumber") != null) {
            try {
                number = Integer.parseInt(form.get("itemNumber"));
                if (number < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add("itemNumber", "事项序号应为正整数，收到：" + form.get("itemNumber"));
                number = null;
            }
            if (form.get("policyId") == null) {
                errors.add("itemNumber", "按事项查询需先选择政策文件");
            }
        }
        if (form.get("unitId") != null && !units.containsKey(form.get("unitId"))) {
            errors.add("unitId", "没有这个责任单位：" + form.get("unitId"));
        }
        LocalDate fromDay = errors.date("from", form.get("from"));
        LocalDate toDay = errors.date("to", form.get("to"));
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("to", "截止日期不能早于起始日期");
        }
        if (form.get("type") != null && !Labels.types().containsKey(form.get("type"))) {
            errors.add("type", "不是已知的事件类型：" + form.get("type"));
        }
        Channel chosen = null;
        if (form.get("channel") != null) {
            try {
                chosen = Channel.valueOf(form.get("channel"));
            } catch (IllegalArgumentException e) {
                errors.add("channel", "不是已知的渠道：" + form.get("channel"));
            }
        }
        int pageNumber = pageNumber(page);

        model.addAttribute("page", ConsolePage.AUDIT);
        model.addAttribute("tab", "timeline");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("units", units);
        model.addAttribute("policies", policies);
        model.addAttribute("types", Labels.types());
        Map<String, String> channels = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            channels.put(c.name(), Labels.channel(c));
        }
        model.addAttribute("channels", channels);
        if (errors.any()) {
            return "console/audit/timeline";
        }
        // dates are business days: from the first moment of "from" up to the end of "to"
        Instant start = fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant();
        Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant();
        FindTimelinePage query = new FindTimelinePage(form.get("commitmentId"),
                number == null ? null : form.get("policyId"), number, form.get("unitId"), form.get("userId"),
                start, end, form.get("type") == null ? List.of() : List.of(form.get("type")),
                chosen == null ? List.of() : List.of(chosen), !"oldest".equals(form.get("order")), pageNumber,
                PAGE_SIZE);
        TimelinePage result = queries.one(query, TimelinePage.class);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.rows().stream().map(row -> TimelineRowView.of(row, units, zone)).toList());
        model.addAttribute("previous", pageNumber > 0 ? link(form, pageNumber - 1) : null);
        model.addAttribute("next", pageNumber + 1 < result.pages() ? link(form, pageNumber + 1) : null);
        return "console/audit/timeline";
    }

    static int pageNumber(String page) {
        try {
            return page == null || page.isBlank() ? 0 : Math.max(0, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The same search, another page. */
    private static String link(Map<String, String> form, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(ConsolePage.ROOT + "/audit");
        form.forEach((name, value) -> {
            if (value != null && !(name.equals("policyId") && form.get("itemNumber") == null)) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("page", page).encode().build().toUriString();
    }
}
