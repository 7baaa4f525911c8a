package io.duban.command.dispatch;

import io.duban.command.api.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Monday to Friday, except a few listed holidays (enough for the tests; the real calendar is another class). */
final class TestCalendar implements WorkingCalendar {

    private final Set<LocalDate> holidays;

    TestCalendar(LocalDate... holidays) {
        this.holidays = Set.of(holidays);
    }

    /** National Day week 2026 (1–7 October). */
    static TestCalendar withNationalDay2026() {
        return new TestCalendar(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        for (int left = days; left > 0; ) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    @Override
    public LocalDate coveredUntil() {
        return LocalDate.of(2026, 12, 31);
    }
}
