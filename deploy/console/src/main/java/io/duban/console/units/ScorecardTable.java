package io.duban.console.units;

import io.duban.query.api.light.LightColor;
import io.duban.query.api.scorecard.Scorecard;
import io.duban.query.api.scorecard.Scorecard.UnitScore;

import java.util.ArrayList;
import java.util.List;

/** The scorecard as a table of cells, shared by the CSV and the Excel export so both say the same. */
final class ScorecardTable {

    static final List<String> HEADER = List.of("排名", "责任单位", "得分", "到期里程碑", "按期完成", "逾期完成", "逾期未完成",
            "逾期天数合计", "最长逾期天数", "应报季度报告", "按时报送", "迟报", "缺报", "申请延期", "批准延期",
            "重大事项提出", "重大事项解决", "逾期", "预警", "正常", "已办结", "未登记");

    private ScorecardTable() {
    }

    /** Header first, then one row per unit; numbers stay numbers (Object), text stays text. */
    static List<List<Object>> rows(Scorecard card) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("考核期间", card.from() + " 至 " + card.to(), "统计日期", card.asOf().toString()));
        rows.add(List.of("评分规则", Scorecard.RULE));
        rows.add(new ArrayList<>(HEADER));
        for (UnitScore s : card.units()) {
            List<Object> row = new ArrayList<>();
            row.add(s.ranked() ? s.rank() : "不参与排名");
            row.add(s.unitName());
            row.add(s.ranked() ? s.score() : "");
            row.add(s.milestonesDue());
            row.add(s.milestonesOnTime());
            row.add(s.milestonesLate());
            row.add(s.milestonesOverdue());
            row.add(s.daysLate());
            row.add(s.maxDaysLate());
            row.add(s.reportsDue());
            row.add(s.reportsOnTime());
            row.add(s.reportsLate());
            row.add(s.reportsMissing());
            row.add(s.changesRequested());
            row.add(s.changesApproved());
            row.add(s.issuesRaised());
            row.add(s.issuesResolved());
            for (LightColor color : List.of(LightColor.RED, LightColor.YELLOW, LightColor.GREEN, LightColor.DONE,
                    LightColor.NONE)) {
                row.add(s.lights().getOrDefault(color, 0));
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 CSV with a byte-order mark, so Excel opens the Chinese text as UTF-8. */
    static String csv(Scorecard card) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<Object> row : rows(card)) {
            List<String> cells = row.stream().map(ScorecardTable::csvCell).toList();
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static String csvCell(Object value) {
        String text = String.valueOf(value);
        // a cell starting with = + - @ would be a formula in Excel: quote it behind an apostrophe
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
