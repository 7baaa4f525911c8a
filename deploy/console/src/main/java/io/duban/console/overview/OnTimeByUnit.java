package io.duban.console.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.query.api.scorecard.Scorecard;
import io.duban.query.api.scorecard.Scorecard.UnitScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On-time rate by unit (各单位里程碑按期完成率), from the scorecard over its period: milestones met by their due date
 * (after approved changes) ÷ milestones due, as 考核评价 counts them. Units with nothing due are left out; the lowest
 * rate first, so the units to chase come first.
 */
final class OnTimeByUnit {

    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    private OnTimeByUnit() {
    }

    static Chart chart(Scorecard card, ObjectMapper json) {
        List<UnitScore> due = card.units().stream()
                .filter(u -> u.milestonesDue() > 0)
                .sorted(Comparator.comparing(UnitScore::onTimeRate).thenComparing(UnitScore::unitName, CHINESE))
                .toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("units", due.stream().map(UnitScore::unitName).toList());
        chart.put("rate", due.stream().map(u -> BigDecimal.valueOf(100 * u.onTimeRate())
                .setScale(1, RoundingMode.HALF_UP).doubleValue()).toList());
        chart.put("onTime", due.stream().map(UnitScore::milestonesOnTime).toList());
        chart.put("due", due.stream().map(UnitScore::milestonesDue).toList());
        chart.put("late", due.stream().map(UnitScore::milestonesLate).toList());
        chart.put("overdue", due.stream().map(UnitScore::milestonesOverdue).toList());
        return Chart.of(json, chart, due.isEmpty());
    }
}
