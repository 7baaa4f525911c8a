package io.duban.console.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.query.api.overdue.OverdueHistory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The overdue count over time (逾期数量变化), as the read side folds it from the events: per day, the due dates and the
 * commitments overdue at that day's end.
 *
 * @param now       overdue due dates at the last day shown (today when the period reaches it)
 * @param peak      the most on one day of the period, on {@code peakDay} (the first such day)
 */
public record OverdueTrend(Chart chart, int now, int peak, java.time.LocalDate peakDay) {

    static OverdueTrend of(OverdueHistory history, ObjectMapper json) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", history.days().stream().map(d -> d.day().toString()).toList());
        data.put("dueDates", history.days().stream().map(OverdueHistory.Day::dueDates).toList());
        data.put("commitments", history.days().stream().map(OverdueHistory.Day::commitments).toList());
        OverdueHistory.Day peak = history.days().stream()
                .max(Comparator.comparingInt(OverdueHistory.Day::dueDates)
                        .thenComparing(OverdueHistory.Day::day, Comparator.reverseOrder()))
                .orElse(null);
        int now = history.days().isEmpty() ? 0 : history.days().get(history.days().size() - 1).dueDates();
        return new OverdueTrend(Chart.of(json, data, history.days().isEmpty()), now,
                peak == null ? 0 : peak.dueDates(), peak == null ? null : peak.day());
    }

    /** The period was refused: nothing read, the form says why. */
    static OverdueTrend none() {
        return new OverdueTrend(Chart.none(), 0, 0, null);
    }
}
