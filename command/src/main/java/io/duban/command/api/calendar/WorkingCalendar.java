package io.duban.command.api.calendar;

import java.time.LocalDate;

/**
 * Chinese working days: Monday to Friday, except statutory holidays, plus the weekend days made working days by an
 * adjustment (调休). Deadlines, reminders and the escalation ladder count in these days, and the read side counts the
 * working days a case is overdue in the same ones: one calendar, implemented by the command side's
 * {@code CsvWorkingCalendar} bean and declared here so that every module can take it.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate date);

    /** The {@code days}-th working day after {@code date} (days ≥ 1); {@code date} itself is not counted. */
    LocalDate plusWorkingDays(LocalDate date, int days);

    /** The {@code days}-th working day before {@code date} (days ≥ 1); {@code date} itself is not counted. */
    LocalDate minusWorkingDays(LocalDate date, int days);

    /** The last day the calendar's holiday data covers; after it only weekends are known. */
    LocalDate coveredUntil();
}
