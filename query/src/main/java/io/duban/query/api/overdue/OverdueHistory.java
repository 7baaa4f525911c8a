package io.duban.query.api.overdue;

import java.time.LocalDate;
import java.util.List;

/**
 * The overdue count over time, folded from the events (see {@code OverdueHistoryProjection} for the rule).
 *
 * @param asOf the business date it was read on: the last day answered, counted up to the moment of reading
 * @param days one point per day from {@code from} to the earlier of {@code to} and {@code asOf}, in date order
 */
public record OverdueHistory(LocalDate from, LocalDate to, LocalDate asOf, List<Day> days) {

    public OverdueHistory {
        days = List.copyOf(days);
    }

    /**
     * @param dueDates    due dates (milestones' and final ones) overdue at the end of the day
     * @param commitments commitments with at least one of them
     */
    public record Day(LocalDate day, int dueDates, int commitments) {
    }
}
