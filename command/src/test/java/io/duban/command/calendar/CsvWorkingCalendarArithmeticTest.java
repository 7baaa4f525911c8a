package io.duban.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counting working days with the bundled 2023–2026 data. */
class CsvWorkingCalendarArithmeticTest {

    private final CsvWorkingCalendar calendar = BundledCalendar.CALENDAR;

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            // 国庆中秋 2025: 10/1–10/8 off, Sunday 9/28 worked
            "2025-09-26, 1, 2025-09-28",
            "2025-09-26, 3, 2025-09-30",
            "2025-09-26, 4, 2025-10-09",
            "2025-09-30, 1, 2025-10-09",
            "2025-10-03, 1, 2025-10-09", // from inside the holiday
            "2025-10-09, 2, 2025-10-11", // Saturday 10/11 worked
            // 春节 2026: 2/15–2/23 off, Saturdays 2/14 and 2/28 worked
            "2026-02-13, 1, 2026-02-14",
            "2026-02-13, 2, 2026-02-24",
            "2026-02-13, 6, 2026-02-28",
            "2026-02-13, 7, 2026-03-02",
            // 春节 2024 with Sundays 2/4 and 2/18 worked
            "2024-02-02, 1, 2024-02-04",
            "2024-02-09, 1, 2024-02-18",
            // year ends
            "2023-12-29, 1, 2024-01-02", // 12/30–31 weekend, 1/1 元旦
            "2024-12-31, 1, 2025-01-02", // 1/1 元旦
            "2025-12-31, 1, 2026-01-04", // 1/1–1/3 元旦, Sunday 1/4 worked
            "2025-12-31, 2, 2026-01-05",
            // out of and into the covered years
            "2022-12-29, 3, 2023-01-04", // 12/30 Friday, then 1/2 元旦 is already covered
            "2026-12-31, 1, 2027-01-01", // after the data: Monday to Friday
            "2026-12-30, 5, 2027-01-06",
            "2026-09-30, 62, 2026-12-31",
            "2026-09-30, 63, 2027-01-01",
            "2022-12-01, 300, 2024-02-09",
    })
    void plusWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(calendar.plusWorkingDays(from, days)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} working days before {0} is {2}")
    @CsvSource({
            "2025-10-09, 1, 2025-09-30",
            "2025-10-09, 3, 2025-09-28",
            "2025-10-09, 4, 2025-09-26",
            "2026-03-02, 1, 2026-02-28",
            "2026-03-02, 7, 2026-02-13",
            "2024-01-02, 1, 2023-12-29",
            "2026-01-05, 2, 2025-12-31",
            "2023-01-04, 3, 2022-12-29",
            "2027-01-06, 5, 2026-12-30",
            "2024-02-09, 300, 2022-12-01",
    })
    void minusWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(calendar.minusWorkingDays(from, days)).isEqualTo(expected);
    }

    @Test
    void remindersSevenAndOneWorkingDaysBeforeADueDateRightAfter国庆() {
        LocalDate due = LocalDate.of(2025, 10, 9); // the first working day after 10/1–10/8
        assertThat(calendar.minusWorkingDays(due, 1)).isEqualTo(LocalDate.of(2025, 9, 30));
        // 9/30, 9/29, Sunday 9/28, 9/26, 9/25, 9/24, 9/23
        assertThat(calendar.minusWorkingDays(due, 7)).isEqualTo(LocalDate.of(2025, 9, 23));
    }

    @Test
    void remindersSevenAndOneWorkingDaysBeforeADueDateRightAfter春节() {
        LocalDate due = LocalDate.of(2026, 2, 24); // the first working day after 2/15–2/23
        assertThat(calendar.minusWorkingDays(due, 1)).isEqualTo(LocalDate.of(2026, 2, 14)); // the 调休 Saturday
        // 2/14, 2/13, 2/12, 2/11, 2/10, 2/9, 2/6
        assertThat(calendar.minusWorkingDays(due, 7)).isEqualTo(LocalDate.of(2026, 2, 6));
    }

    /** Against day-by-day stepping, for every start day from mid-2022 to mid-2027 and a range of distances. */
    @Test
    void agreesWithStepping() {
        int[] distances = {1, 2, 3, 4, 5, 6, 7, 10, 13, 22, 45, 90, 250, 600};
        for (LocalDate day = LocalDate.of(2022, 6, 1); day.isBefore(LocalDate.of(2027, 7, 1));
             day = day.plusDays(1)) {
            for (int days : distances) {
                assertThat(calendar.plusWorkingDays(day, days)).as("%d after %s", days, day)
                        .isEqualTo(stepped(day, days, 1));
                assertThat(calendar.minusWorkingDays(day, days)).as("%d before %s", days, day)
                        .isEqualTo(stepped(day, days, -1));
            }
        }
    }

    @Test
    void minusUndoesPlusFromAWorkingDay() {
        for (LocalDate day = LocalDate.of(2022, 12, 1); day.isBefore(LocalDate.of(2027, 2, 1));
             day = day.plusDays(1)) {
            LocalDate workingDay = calendar.isWorkingDay(day) ? day : calendar.minusWorkingDays(day, 1);
            for (int days = 1; days <= 30; days++) {
                LocalDate later = calendar.plusWorkingDays(workingDay, days);
                assertThat(calendar.isWorkingDay(later)).isTrue();
                assertThat(calendar.minusWorkingDays(later, days)).as("%d around %s", days, workingDay)
                        .isEqualTo(workingDay);
            }
        }
    }

    @Test
    void farDistancesNeedNoWalking() {
        // 26,000 Mondays-to-Fridays after a Thursday beyond the data are exactly 5,200 weeks later
        LocalDate thursday = LocalDate.of(2026, 12, 31);
        assertThat(calendar.plusWorkingDays(thursday, 26_000)).isEqualTo(thursday.plusWeeks(5_200));
        assertThat(calendar.minusWorkingDays(thursday.plusWeeks(5_200), 26_000)).isEqualTo(thursday);
        // and a million of them in well under a second
        long started = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            calendar.plusWorkingDays(LocalDate.of(2024, 1, 1).plusDays(i % 1000), 1 + i % 200);
        }
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }

    @Test
    void refusesZeroOrNegativeDistances() {
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2025, 1, 2), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.minusWorkingDays(LocalDate.of(2025, 1, 2), -1));
    }

    @Test
    void weekdayOrdinalsRoundTrip() {
        for (long day = -800; day <= 800; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            long ordinal = CsvWorkingCalendar.weekdayOrdinal(day);
            assertThat(ordinal - CsvWorkingCalendar.weekdayOrdinal(day - 1))
                    .as(date.toString()).isEqualTo(date.getDayOfWeek().getValue() <= 5 ? 1 : 0);
            if (date.getDayOfWeek().getValue() <= 5) {
                assertThat(CsvWorkingCalendar.weekdayOfOrdinal(ordinal)).as(date.toString()).isEqualTo(day);
            }
        }
    }

    private LocalDate stepped(LocalDate from, int days, int direction) {
        LocalDate day = from;
        for (int found = 0; found < days; ) {
            day = day.plusDays(direction);
            if (calendar.isWorkingDay(day)) {
                found++;
            }
        }
        return day;
    }
}
