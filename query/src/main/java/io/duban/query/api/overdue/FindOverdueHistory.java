package io.duban.query.api.overdue;

import java.time.LocalDate;

/**
 * How many due dates and commitments were overdue at the end of each day from {@code from} to {@code to} (both
 * included, business dates; days after today are left out). Answer: {@link OverdueHistory}. A missing date, {@code to}
 * before {@code from} or a span over {@value #MAX_DAYS} days: an illegal-argument failure (400 on a REST api).
 */
public record FindOverdueHistory(LocalDate from, LocalDate to) {

    /** The longest span one answer covers (three years and a day), which bounds its size. */
    public static final int MAX_DAYS = 1097;
}
