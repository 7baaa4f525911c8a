package io.duban.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled data against the State Council notices for 2023–2026. */
class CsvWorkingCalendarBundledDataTest {

    private final CsvWorkingCalendar calendar = BundledCalendar.CALENDAR;

    @Test
    void coversTheYears2023To2026() {
        assertThat(calendar.coveredFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest(name = "{0} ({1}) is a working day: {2}")
    @CsvSource({
            // 2023
            "2023-01-02, MONDAY,    false", // 元旦
            "2023-01-27, FRIDAY,    false", // 春节 1/21–1/27
            "2023-01-28, SATURDAY,  true",  // 春节调休
            "2023-01-29, SUNDAY,    true",  // 春节调休
            "2023-04-05, WEDNESDAY, false", // 清明
            "2023-04-23, SUNDAY,    true",  // 劳动节调休
            "2023-05-03, WEDNESDAY, false", // 劳动节 4/29–5/3
            "2023-05-06, SATURDAY,  true",  // 劳动节调休
            "2023-06-23, FRIDAY,    false", // 端午 6/22–6/24
            "2023-06-25, SUNDAY,    true",  // 端午调休
            "2023-09-29, FRIDAY,    false", // 中秋国庆 9/29–10/6
            "2023-10-06, FRIDAY,    false",
            "2023-10-07, SATURDAY,  true",  // 国庆调休
            "2023-10-08, SUNDAY,    true",
            "2023-10-09, MONDAY,    true",
            // 2024
            "2024-01-01, MONDAY,    false", // 元旦
            "2024-02-04, SUNDAY,    true",  // 春节调休
            "2024-02-09, FRIDAY,    true",  // 除夕, not part of the 2024 holiday
            "2024-02-12, MONDAY,    false", // 春节 2/10–2/17
            "2024-02-16, FRIDAY,    false",
            "2024-02-18, SUNDAY,    true",  // 春节调休
            "2024-04-05, FRIDAY,    false", // 清明 4/4–4/6
            "2024-04-07, SUNDAY,    true",  // 清明调休
            "2024-04-28, SUNDAY,    true",  // 劳动节调休
            "2024-05-03, FRIDAY,    false", // 劳动节 5/1–5/5
            "2024-05-11, SATURDAY,  true",  // 劳动节调休
            "2024-06-10, MONDAY,    false", // 端午
            "2024-09-14, SATURDAY,  true",  // 中秋调休
            "2024-09-16, MONDAY,    false", // 中秋 9/15–9/17
            "2024-09-17, TUESDAY,   false",
            "2024-09-29, SUNDAY,    true",  // 国庆调休
            "2024-10-07, MONDAY,    false", // 国庆 10/1–10/7
            "2024-10-12, SATURDAY,  true",  // 国庆调休
            // 2025
            "2025-01-01, WEDNESDAY, false", // 元旦
            "2025-01-26, SUNDAY,    true",  // 春节调休
            "2025-01-28, TUESDAY,   false", // 春节 1/28–2/4 (除夕 is a holiday from 2025)
            "2025-02-04, TUESDAY,   false",
            "2025-02-08, SATURDAY,  true",  // 春节调休
            "2025-04-04, FRIDAY,    false", // 清明
            "2025-04-27, SUNDAY,    true",  // 劳动节调休
            "2025-05-05, MONDAY,    false", // 劳动节 5/1–5/5
            "2025-06-02, MONDAY,    false", // 端午 5/31–6/2
            "2025-09-28, SUNDAY,    true",  // 国庆中秋调休
            "2025-10-08, WEDNESDAY, false", // 国庆中秋 10/1–10/8
            "2025-10-11, SATURDAY,  true",  // 国庆中秋调休
            // 2026
            "2026-01-02, FRIDAY,    false", // 元旦 1/1–1/3
            "2026-01-04, SUNDAY,    true",  // 元旦调休
            "2026-02-14, SATURDAY,  true",  // 春节调休
            "2026-02-23, MONDAY,    false", // 春节 2/15–2/23
            "2026-02-28, SATURDAY,  true",  // 春节调休
            "2026-04-06, MONDAY,    false", // 清明 4/4–4/6
            "2026-05-05, TUESDAY,   false", // 劳动节 5/1–5/5
            "2026-05-09, SATURDAY,  true",  // 劳动节调休
            "2026-06-19, FRIDAY,    false", // 端午 6/19–6/21
            "2026-09-20, SUNDAY,    true",  // 国庆调休
            "2026-09-25, FRIDAY,    false", // 中秋 9/25–9/27
            "2026-10-07, WEDNESDAY, false", // 国庆 10/1–10/7
            "2026-10-10, SATURDAY,  true",  // 国庆调休
            // ordinary days
            "2025-11-25, TUESDAY,   true",
            "2025-11-29, SATURDAY,  false",
            "2026-11-29, SUNDAY,    false",
    })
    void knownDays(LocalDate date, DayOfWeek dayOfWeek, boolean working) {
        assertThat(date.getDayOfWeek()).as("the test's own day of week").isEqualTo(dayOfWeek);
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    /** Each long holiday: every day of it off, the working days around it as the notice says. */
    @ParameterizedTest(name = "{0}: {1} to {2} off")
    @CsvSource({
            "2023 春节,      2023-01-21, 2023-01-27",
            "2023 劳动节,    2023-04-29, 2023-05-03",
            "2023 中秋国庆,  2023-09-29, 2023-10-06",
            "2024 春节,      2024-02-10, 2024-02-17",
            "2024 劳动节,    2024-05-01, 2024-05-05",
            "2024 国庆,      2024-10-01, 2024-10-07",
            "2025 春节,      2025-01-28, 2025-02-04",
            "2025 劳动节,    2025-05-01, 2025-05-05",
            "2025 国庆中秋,  2025-10-01, 2025-10-08",
            "2026 元旦,      2026-01-01, 2026-01-03",
            "2026 春节,      2026-02-15, 2026-02-23",
            "2026 劳动节,    2026-05-01, 2026-05-05",
            "2026 国庆,      2026-10-01, 2026-10-07",
    })
    void longHolidays(String name, LocalDate first, LocalDate last) {
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(name + " " + day).isFalse();
        }
        assertThat(calendar.isWorkingDay(first.minusDays(1))).as("the day before " + name).isTrue();
        assertThat(calendar.isWorkingDay(last.plusDays(1))).as("the day after " + name).isTrue();
    }

    @Test
    void namesTheHolidayOfADay() {
        assertThat(calendar.entry(LocalDate.of(2026, 2, 17))).get()
                .extracting(CsvWorkingCalendar.Entry::name).isEqualTo("春节");
        assertThat(calendar.entry(LocalDate.of(2026, 2, 28))).get()
                .extracting(CsvWorkingCalendar.Entry::kind).isEqualTo(CsvWorkingCalendar.Kind.WORKDAY);
        assertThat(calendar.entry(LocalDate.of(2026, 3, 3))).isEmpty();
    }

    @Test
    void beyondTheCoveredYearsOnlyWeekendsAreKnown() {
        // 2027-01-01 will surely be 元旦, but no notice is in the file: the fallback is Monday to Friday
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
        // 2022-10-03, a Monday of 国庆 2022, lies before the covered years
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 10, 3))).isTrue();
    }
}
