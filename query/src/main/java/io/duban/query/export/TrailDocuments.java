package io.duban.query.export;

import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.ItemReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.Channel;
import io.duban.query.timeline.TimelineEntry;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An audit trail as CSV (UTF-8 with BOM, formula-like cells defused), JSON Lines (one timeline entry per line, with
 * {@code unitName} and {@code stateAfter} where known) and a printable Chinese HTML report. Times are shown in the
 * business zone. Units are shown by name where people read them; CSV and JSON keep the id beside it for machines.
 */
public final class TrailDocuments {

    static final String BOM = "\uFEFF";
    static final List<String> CSV_HEADERS = List.of("时间", "事件ID", "对象类别", "对象ID", "政策", "事项", "单位", "单位ID", "序号",
            "事件类型", "操作人ID", "操作人", "角色", "渠道", "钉钉消息ID", "摘要", "进度", "状态", "最终期限", "督办级别");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TrailDocuments() {
    }

    public static String csv(AuditTrail trail, ZoneId zone) {
        StringBuilder out = new StringBuilder(BOM);
        row(out, CSV_HEADERS);
        for (TimelineEntry e : trail.entries()) {
            CommitmentState s = trail.states().get(e.eventId());
            row(out, List.of(time(e.at(), zone), nz(e.eventId()), nz(e.kind()), nz(e.aggregateId()), nz(e.policyId()),
                    e.itemNumber() == null ? "" : e.itemNumber().toString(), nz(trail.unitName(e.unitId())),
                    nz(e.unitId()),
                    Long.toString(e.sequence()), nz(e.type()), e.actor() == null ? "" : nz(e.actor().userId()),
                    e.actor() == null ? "" : nz(e.actor().name()),
                    e.actor() == null || e.actor().role() == null ? "" : e.actor().role().name(),
                    e.channel() == null ? "" : e.channel().name(), nz(e.messageId()), nz(e.summary()),
                    s == null ? "" : s.progress() + "%", s == null ? "" : s.status().name(),
                    s == null || s.dueDate() == null ? "" : s.dueDate().toString(),
                    s == null ? "" : Integer.toString(s.escalationLevel())));
        }
        return out.toString();
    }

    /** One JSON object per line ({@code \n}), each a timeline entry plus {@code stateAfter} (null when none). */
    public static String jsonLines(AuditTrail trail, ObjectMapper json) {
        StringBuilder out = new StringBuilder();
        for (TimelineEntry e : trail.entries()) {
            Map<String, Object> entry = json.convertValue(e, json.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
            Map<String, Object> line = new LinkedHashMap<>();
            entry.forEach((key, value) -> {
                line.put(key, value);
                if ("unitId".equals(key)) {
                    line.put("unitName", trail.unitName(e.unitId()));
                }
            });
            line.put("stateAfter", trail.states().get(e.eventId()));
            try {
                out.append(json.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return out.toString();
    }

    public static String html(AuditTrail trail, ZoneId zone) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(e("督办审计记录：" + trail.title())).append("</title><style>")
                .append("body{font-family:\"SimSun\",\"Songti SC\",serif;margin:2em;}table{border-collapse:collapse;width:100%;}")
                .append("th,td{border:1px solid #333;padding:4px 6px;text-align:left;vertical-align:top;font-size:12px;}")
                .append("th{background:#eee;}h1{text-align:center;}.warn{color:#a00;}")
                .append("@media print{tr{page-break-inside:avoid;}}</style></head><body>\n");
        h.append("<h1>").append(e("督办审计记录：" + trail.title())).append("</h1>\n<p>")
                .append(e("时间范围：" + (trail.from() == null ? "开始" : time(trail.from(), zone)) + " 至 "
                        + (trail.to() == null ? "现在" : time(trail.to(), zone) + "（不含）")
                        + "；共 " + trail.entries().size() + " 条记录；时间为 " + zone.getId() + " 时间。"))
                .append("</p>\n");
        if (trail.states().values().stream().anyMatch(s -> !s.complete())) {
            h.append("<p class=\"warn\">")
                    .append(e("部分记录缺少状态事实（在记录状态事实之前写入），其后的状态可能不完整；请重建动态视图后重新导出。"))
                    .append("</p>\n");
        }
        if (trail.entries().isEmpty()) {
            return h.append("<p>").append(e("该范围内没有记录。")).append("</p>\n</body></html>\n").toString();
        }
        h.append("<table><thead><tr>");
        for (String header : List.of("时间", "对象", "事件", "操作人", "渠道", "钉钉消息ID", "此后状态")) {
            h.append("<th>").append(e(header)).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (TimelineEntry entry : trail.entries()) {
            h.append("<tr>");
            cell(h, time(entry.at(), zone));
            cell(h, subject(entry, trail));
            cell(h, nz(entry.summary()) + "（" + nz(entry.type()) + "）");
            cell(h, entry.actor() == null ? "" : nz(entry.actor().name()) + "（" + nz(entry.actor().userId()) + "）");
            cell(h, channel(entry.channel()));
            cell(h, nz(entry.messageId()));
            cell(h, state(trail.states().get(entry.eventId())));
            h.append("</tr>\n");
        }
        return h.append("</tbody></table>\n</body></html>\n").toString();
    }

    static String state(CommitmentState s) {
        if (s == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add("进度 " + s.progress() + "%");
        parts.add(status(s.status()));
        parts.add("最终期限 " + (s.dueDate() == null ? "未知" : s.dueDate()));
        if (!s.milestoneDueDates().isEmpty()) {
            parts.add("里程碑 " + s.milestoneDueDates().entrySet().stream()
                    .map(m -> m.getKey() + " " + date(m.getValue()) + (s.milestonesDone().contains(m.getKey()) ? " 已完成" : ""))
                    .collect(Collectors.joining("，")));
        }
        parts.add(s.escalationLevel() == 0 ? "未督办升级" : "督办 " + s.escalationLevel() + " 级");
        if (s.openIssues() > 0) {
            parts.add("未解决重大事项 " + s.openIssues() + " 项");
        }
        if (!s.complete()) {
            parts.add("（状态不完整）");
        }
        return String.join("；", parts);
    }

    private static String subject(TimelineEntry entry, AuditTrail trail) {
        if ("commitment".equals(entry.kind())) {
            String unit = trail.unitName(entry.unitId());
            return "承诺 " + nz(entry.aggregateId()) + "（" + (unit == null ? "单位 " + nz(entry.unitId()) : unit)
                    + "，" + ItemReference.label(entry.itemNumber()) + "）";
        }
        return ("official".equals(entry.kind()) ? "人员 " : "政策 ") + nz(entry.aggregateId());
    }

    private static String status(CommitmentStatus status) {
        return switch (status) {
            case OPEN -> "推进中";
            case COMPLETION_CLAIMED -> "已申报完成";
            case VERIFIED -> "已办结";
        };
    }

    private static String channel(Channel channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case WEB -> "网页";
            case DINGTALK -> "钉钉";
            case SCHEDULE -> "定时任务";
            case SYSTEM -> "系统";
        };
    }

    private static void cell(StringBuilder h, String text) {
        h.append("<td>").append(e(text)).append("</td>");
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(TrailDocuments::csvField).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Quoted when needed; a cell a spreadsheet would take for a formula (= + - @, tab, CR) gets a leading quote. */
    static String csvField(String value) {
        String v = nz(value);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private static String date(LocalDate d) {
        return d == null ? "未知" : d.toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(nz(text), "UTF-8");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
