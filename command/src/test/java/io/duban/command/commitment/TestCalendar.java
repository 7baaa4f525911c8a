package io.duban.command.commitment;

import io.duban.command.api.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A small working calendar for the fixtures: Monday to Friday, minus the holidays listed, plus the adjusted working
 * weekend days (调休) listed. Shaped like spring 2026: 清明 Sat 4 – Mon 6 April off; 劳动节 Fri 1 – Tue 5 May off with
 * Saturday 9 May worked.
 */
final class TestCalendar implements WorkingCalendar {

    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 5),
            LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3),
            LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5));
    static final Set<LocalDate> ADJUSTED_WORKING_DAYS = Set.of(LocalDate.of(2026, 5, 9));

    @Override
    public boolean isWorkingDay(LocalDate date) {
        if (ADJUSTED_WORKING_DAYS.contains(date)) {
            return true;
        }
        return !HOLIDAYS.contains(date) && date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        return step(date, days, 1);
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate date, int days) {
        return step(date, days, -1);
    }

    private LocalDate step(LocalDate date, int days, int direction) {
        LocalDate day = date;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(direction);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    @Override
    public LocalDate coveredUntil() {
        return LocalDate.of(2026, 12, 31);
    }
}
