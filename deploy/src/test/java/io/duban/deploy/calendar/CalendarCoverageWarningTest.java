package io.duban.deploy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.duban.command.api.work.PeriodicWork;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.duban.command.api.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CalendarCoverageWarningTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final WorkingCalendar calendar = new WorkingCalendar() {
        @Override
        public boolean isWorkingDay(LocalDate date) {
            return true;
        }

        @Override
        public LocalDate plusWorkingDays(LocalDate date, int days) {
            return date.plusDays(days);
        }

        @Override
        public LocalDate minusWorkingDays(LocalDate date, int days) {
            return date.minusDays(days);
        }

        @Override
        public LocalDate coveredUntil() {
            return LocalDate.of(2026, 12, 31);
        }
    };

    private CalendarCoverageWarning warningAt(String instant) {
        return new CalendarCoverageWarning(calendar, Clock.fixed(Instant.parse(instant), SHANGHAI), 90);
    }

    @Test
    void warnsWhenTheCalendarEndsWithin90Days(CapturedOutput output) {
        CalendarCoverage coverage = warningAt("2026-11-25T01:00:00Z").check();
        assertThat(coverage.sufficient()).isFalse();
        assertThat(output.getOut()).contains("WARN").contains("CalendarCoverageWarning")
                .contains("holiday data ends on 2026-12-31").contains("only the next 36 days, fewer than 90");
    }

    @Test
    void staysQuietWhenCovered(CapturedOutput output) {
        CalendarCoverage coverage = warningAt("2026-06-01T01:00:00Z").check();
        assertThat(coverage.sufficient()).isTrue();
        assertThat(output.getOut()).doesNotContain("WARN").contains("covers holidays until 2026-12-31");
    }

    @Test
    void checksAsSoonAsTheApplicationIsReady(CapturedOutput output) {
        warningAt("2026-11-25T01:00:00Z").checkAtStart();
        assertThat(output.getOut()).contains("holiday data ends on 2026-12-31");
    }

    @Test
    void checksEveryMorningOnTheScheduler(CapturedOutput output) {
        PeriodicWork daily = warningAt("2026-11-25T01:00:00Z").calendarCoverageCheck();
        assertThat(daily.cron()).isEqualTo("0 0 8 * * ?");
        daily.pass().run();
        assertThat(output.getOut()).contains("holiday data ends on 2026-12-31");
    }
}
