package io.duban.deploy.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.duban.command.api.calendar.WorkingCalendar;

/**
 * How far ahead the working calendar knows the holidays, seen from today: enough when it covers at least the next
 * {@code horizonDays} days.
 *
 * @param today        today in the application clock's zone
 * @param coveredUntil the last day with holiday data
 * @param daysCovered  days from today to {@code coveredUntil} (negative once it is past)
 * @param horizonDays  how many days ahead it must cover
 */
public record CalendarCoverage(LocalDate today, LocalDate coveredUntil, long daysCovered, int horizonDays) {

    public static CalendarCoverage of(WorkingCalendar calendar, Clock clock, int horizonDays) {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = calendar.coveredUntil();
        return new CalendarCoverage(today, until, ChronoUnit.DAYS.between(today, until), horizonDays);
    }

    public boolean sufficient() {
        return daysCovered >= horizonDays;
    }

    /** The operator's warning when not {@link #sufficient()}: what is wrong, what it does, what to do. */
    public String warning() {
        String extent = daysCovered < 0 ? "ended " + -daysCovered + " days ago"
                : "covers only the next " + daysCovered + " days, fewer than " + horizonDays;
        return "The working calendar's holiday data ends on " + coveredUntil + " (" + extent + "): deadlines and "
                + "reminders after that date count Monday to Friday only, ignoring holidays and 调休. Add the next year "
                + "from the State Council's notice (国务院办公厅关于部分节假日安排的通知) as described in "
                + "calendar/README.md, or point duban.calendar.location to an updated file and restart.";
    }
}
