package io.duban.console.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.query.api.scorecard.OnTimeRates;
import io.duban.query.api.scorecard.OnTimeRates.UnitOnTime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * On-time rate by unit (各单位里程碑按期完成率) over a period: milestones met by their due date (after approved
 * changes) ÷ milestones due, as 考核评价 counts them (the query side counts both with one rule). Units with nothing due are left out; the lowest
 * rate first, so the units to chase come first.
 */
final class OnTimeByUnit {

    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    private OnTimeByUnit() {
    }

    static Chart chart(OnTimeRates rates, ObjectMapper json) {
        List<UnitOnTime> due = rates.units().stream()
                .filter(u -> u.milestonesDue() > 0)
                .sorted(Comparator.comparing(UnitOnTime::onTimeRate).thenComparing(UnitOnTime::unitName, CHINESE))
                .toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("units", due.stream().map(UnitOnTime::unitName).toList());
        chart.put("rate", due.stream().map(u -> BigDecimal.valueOf(100 * u.onTimeRate())
                .setScale(1, RoundingMode.HALF_UP).doubleValue()).toList());
        chart.put("onTime", due.stream().map(UnitOnTime::milestonesOnTime).toList());
        chart.put("due", due.stream().map(UnitOnTime::milestonesDue).toList());
        chart.put("late", due.stream().map(UnitOnTime::milestonesLate).toList());
        chart.put("overdue", due.stream().map(UnitOnTime::milestonesOverdue).toList());
        return Chart.of(json, chart, due.isEmpty());
    }
}
