package io.duban.query.scorecard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The scorecard's rule for milestones, one milestone at a time: a milestone counts when its due date (after approved
 * changes) falls in the period and it is either completed or already past due on {@code today}; met on time when
 * completed by its due date, late when completed after it, overdue while not completed (days late counted to the
 * completion, or to today). 考核评价 and 总览's on-time chart both count with it.
 */
public final class MilestoneTally {

    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate today;
    private int due;
    private int onTime;
    private int late;
    private int overdue;
    private long daysLate;
    private long maxDaysLate;

    public MilestoneTally(LocalDate from, LocalDate to, LocalDate today) {
        this.from = from;
        this.to = to;
        this.today = today;
    }

    /** @param completed the day it was completed (in the business zone), null while open */
    public void add(LocalDate dueDate, LocalDate completed) {
        if (dueDate == null || dueDate.isBefore(from) || dueDate.isAfter(to)
                || (completed == null && !dueDate.isBefore(today))) {
            return;
        }
        due++;
        long days;
        if (completed == null) {
            overdue++;
            days = ChronoUnit.DAYS.between(dueDate, today);
        } else if (completed.isAfter(dueDate)) {
            late++;
            days = ChronoUnit.DAYS.between(dueDate, completed);
        } else {
            onTime++;
            days = 0;
        }
        daysLate += days;
        maxDaysLate = Math.max(maxDaysLate, days);
    }

    public int due() {
        return due;
    }

    public int onTime() {
        return onTime;
    }

    public int late() {
        return late;
    }

    public int overdue() {
        return overdue;
    }

    public long daysLate() {
        return daysLate;
    }

    public long maxDaysLate() {
        return maxDaysLate;
    }
}
