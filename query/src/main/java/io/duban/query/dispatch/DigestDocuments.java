package io.duban.query.dispatch;

import io.duban.command.api.ItemReference;
import io.duban.query.api.dispatch.DispatchDigest;
import io.duban.query.api.dispatch.DispatchDigest.Counts;
import io.duban.query.api.dispatch.DispatchDigest.Entry;
import io.duban.query.api.dispatch.DispatchDigest.ItemRow;
import io.duban.query.api.dispatch.DispatchDigest.OverdueCase;
import io.duban.query.api.dispatch.DispatchDigest.UnitRow;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The digest as a CSV file for Excel (UTF-8 with a byte-order mark; sections 汇总, 按事项, 按单位, 未报送, 已办结免报, 逾期最严重
 * separated by an empty line; units by name, their ids in a column of their own) and as a printable Chinese HTML page
 * (names only). Every value is escaped: CSV quotes fields and
 * defuses values Excel would take for a formula; HTML escapes every text.
 */
public final class DigestDocuments {

    static final String BOM = "\uFEFF";
    private static final List<String> COUNT_HEADERS = List.of("承诺数", "正常", "预警", "逾期", "已办结", "已报送", "未报送",
            "已办结免报");

    private DigestDocuments() {
    }

    public static String csv(DispatchDigest d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("季度调度", d.roundId(), "季度", d.quarterStart() + " 至 " + d.quarterEnd(), "报送截止",
                String.valueOf(d.reportDeadline()), "状态", statusLabel(d.status()), "研判日期", String.valueOf(d.asOf())));
        rows.add(List.of());
        rows.add(List.of("汇总"));
        rows.add(COUNT_HEADERS);
        rows.add(counts(d.totals()));
        rows.add(List.of());
        rows.add(List.of("按事项"));
        rows.add(concat(List.of("政策", "事项", "事项内容"), COUNT_HEADERS));
        for (ItemRow item : d.byItem()) {
            rows.add(concat(List.of(item.policyId(), String.valueOf(item.itemNumber()), nz(item.itemText())), counts(item.counts())));
        }
        rows.add(List.of());
        rows.add(List.of("按单位"));
        rows.add(concat(List.of("责任单位", "单位ID"), COUNT_HEADERS));
        for (UnitRow unit : d.byUnit()) {
            rows.add(concat(List.of(nz(unit.unitName()), nz(unit.unitId())), counts(unit.counts())));
        }
        rows.add(List.of());
        rows.add(List.of("未报送"));
        rows.add(List.of("政策", "事项", "责任单位", "状态", "进度", "承诺编号", "单位ID"));
        for (Entry e : d.notReported()) {
            rows.add(List.of(e.policyId(), String.valueOf(e.itemNumber()), nz(e.unitName()), e.light(),
                    e.progress() + "%", e.commitmentId(), nz(e.unitId())));
        }
        rows.add(List.of());
        rows.add(List.of("已办结免报"));
        rows.add(List.of("政策", "事项", "责任单位", "状态", "进度", "承诺编号", "单位ID"));
        for (Entry e : d.exempt()) {
            rows.add(List.of(e.policyId(), String.valueOf(e.itemNumber()), nz(e.unitName()), e.light(),
                    e.progress() + "%", e.commitmentId(), nz(e.unitId())));
        }
        rows.add(List.of());
        rows.add(List.of("逾期最严重"));
        rows.add(List.of("政策", "事项", "责任单位", "进度", "逾期起始", "逾期天数", "原因", "承诺编号", "单位ID"));
        for (OverdueCase o : d.worstOverdue()) {
            rows.add(List.of(o.policyId(), String.valueOf(o.itemNumber()), nz(o.unitName()), o.progress() + "%",
                    String.valueOf(o.overdueSince()), String.valueOf(o.daysOverdue()), String.join("；", o.reasons()),
                    nz(o.commitmentId()), nz(o.unitId())));
        }
        return BOM + rows.stream().map(r -> r.stream().map(DigestDocuments::csvField).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    public static String html(DispatchDigest d) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(e("季度调度汇总 " + d.roundId())).append("</title><style>")
                .append("body{font-family:\"SimSun\",\"Songti SC\",serif;margin:2em;}table{border-collapse:collapse;margin:1em 0;width:100%;}")
                .append("th,td{border:1px solid #333;padding:4px 6px;text-align:left;vertical-align:top;}th{background:#eee;}")
                .append("h1{text-align:center;}@media print{h2{page-break-after:avoid;}table{page-break-inside:auto;}}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(e(d.roundId() + " 季度调度汇总")).append("</h1>\n<p>")
                .append(e("季度：" + d.quarterStart() + " 至 " + d.quarterEnd() + "；报送截止：" + d.reportDeadline()
                        + "；状态：" + statusLabel(d.status()) + "；研判日期：" + d.asOf()))
                .append("</p>\n");
        h.append("<h2>汇总</h2>\n");
        table(h, COUNT_HEADERS, List.of(counts(d.totals())));
        h.append("<h2>按事项</h2>\n");
        table(h, concat(List.of("事项", "事项内容"), COUNT_HEADERS), d.byItem().stream()
                .map(i -> concat(List.of(ItemReference.label(i.itemNumber()), nz(i.itemText())), counts(i.counts()))).toList());
        h.append("<h2>按单位</h2>\n");
        table(h, concat(List.of("责任单位"), COUNT_HEADERS), d.byUnit().stream()
                .map(u -> concat(List.of(nz(u.unitName())), counts(u.counts()))).toList());
        h.append("<h2>未报送季度进度的单位</h2>\n");
        if (d.notReported().isEmpty()) {
            h.append("<p>各单位均已报送。</p>\n");
        } else {
            table(h, List.of("事项", "责任单位", "状态", "进度"), d.notReported().stream()
                    .map(n -> List.of(ItemReference.label(n.itemNumber()), nz(n.unitName()), n.light(), n.progress() + "%")).toList());
        }
        if (!d.exempt().isEmpty()) {
            h.append("<h2>已办结免报</h2>\n<p>").append(e("报送截止前已核验办结的承诺无需报送季度进展。")).append("</p>\n");
            table(h, List.of("事项", "责任单位", "状态"), d.exempt().stream()
                    .map(x -> List.of(ItemReference.label(x.itemNumber()), nz(x.unitName()), x.light())).toList());
        }
        h.append("<h2>逾期最严重的事项</h2>\n");
        if (d.worstOverdue().isEmpty()) {
            h.append("<p>无逾期事项。</p>\n");
        } else {
            table(h, List.of("事项", "责任单位", "进度", "逾期天数", "原因"), d.worstOverdue().stream()
                    .map(o -> List.of(ItemReference.label(o.itemNumber()), nz(o.unitName()), o.progress() + "%",
                            o.daysOverdue() + " 天（自 " + o.overdueSince() + "）", String.join("；", o.reasons()))).toList());
        }
        return h.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder h, List<String> headers, List<List<String>> rows) {
        h.append("<table><thead><tr>");
        headers.forEach(x -> h.append("<th>").append(e(x)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            row.forEach(x -> h.append("<td>").append(e(x)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(nz(text), "UTF-8");
    }

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

    private static List<String> counts(Counts c) {
        return List.of(String.valueOf(c.total()), String.valueOf(c.onTrack()), String.valueOf(c.atRisk()),
                String.valueOf(c.overdue()), String.valueOf(c.done()), String.valueOf(c.reported()),
                String.valueOf(c.notReported()), String.valueOf(c.exempt()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String statusLabel(String status) {
        return "CLOSED".equals(status) ? "已结束" : "进行中";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
