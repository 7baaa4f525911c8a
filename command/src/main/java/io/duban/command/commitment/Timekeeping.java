package io.duban.command.commitment;

import io.duban.command.api.calendar.WorkingCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a commitment's reminders, due dates and escalation steps are timed by: the clock (its zone is the business
 * zone), the working calendar and the {@link SchedulePolicy}. One resource for the aggregate's handlers.
 */
record Timekeeping(Clock clock, WorkingCalendar calendar, SchedulePolicy policy) {

    Instant now() {
        return clock.instant();
    }

    /** Due dates are whole days in the business zone: a date is overdue once the following day has begun. */
    Instant endOf(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** The reminder {@code workingDays} working days before the due date, at business start. */
    Instant reminderAt(LocalDate dueDate, int workingDays) {
        return businessStartOf(calendar.minusWorkingDays(dueDate, workingDays));
    }

    /**
     * The ladder step counted {@code workingDays} working days overdue: business start of the working day after that
     * many whole working days have passed since the due date.
     */
    Instant stepAt(LocalDate dueDate, int workingDays) {
        return businessStartOf(calendar.plusWorkingDays(dueDate, workingDays + 1));
    }

    private Instant businessStartOf(LocalDate day) {
        return day.atTime(policy.businessStart()).atZone(clock.getZone()).toInstant();
    }
}
