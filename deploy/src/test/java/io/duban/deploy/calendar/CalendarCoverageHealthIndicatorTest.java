package io.duban.deploy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.duban.command.api.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalendarCoverageHealthIndicatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Only coveredUntil matters here: the bundled data's last day. */
    private static final WorkingCalendar UNTIL_2026 = new WorkingCalendar() {
        @Override
        public boolean isWorkingDay(LocalDate date) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalDate plusWorkingDays(LocalDate date, int days) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalDate minusWorkingDays(LocalDate date, int days) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalDate coveredUntil() {
            return LocalDate.of(2026, 12, 31);
        }
    };

    private static Clock at(String localDateTime) {
        return Clock.fixed(java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant(), SHANGHAI);
    }

    private static Health health(Clock clock) {
        return new CalendarCoverageHealthIndicator(UNTIL_2026, clock, 90).health();
    }

    @Test
    void upWithDetailsWhenTheNext90DaysAreCovered() {
        Health health = health(at("2026-09-01T10:00"));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("coveredUntil", "2026-12-31").containsEntry("daysCovered", 121L)
                .containsEntry("horizonDays", 90).doesNotContainKey("warning");
    }

    @Test
    void exactly90DaysAheadIsEnoughAnd89IsNot() {
        assertThat(health(at("2026-10-02T23:59")).getStatus()).isEqualTo(Status.UP);
        assertThat(health(at("2026-10-03T00:00")).getStatus()).isEqualTo(CalendarCoverageHealthIndicator.WARNING);
    }

    @Test
    void todayTheCalendarIsShort() {
        Health health = health(at("2026-11-25T09:00"));
        assertThat(health.getStatus().getCode()).isEqualTo("WARNING");
        assertThat(health.getDetails()).containsEntry("coveredUntil", "2026-12-31").containsEntry("daysCovered", 36L);
        assertThat((String) health.getDetails().get("warning")).contains("2026-12-31")
                .contains("only the next 36 days").contains("duban.calendar.location").contains("README");
    }

    @Test
    void aCalendarThatHasRunOutSaysSince() {
        Health health = health(at("2027-01-10T09:00"));
        assertThat(health.getStatus()).isEqualTo(CalendarCoverageHealthIndicator.WARNING);
        assertThat(health.getDetails()).containsEntry("daysCovered", -10L);
        assertThat((String) health.getDetails().get("warning")).contains("ended 10 days ago");
    }

    @Test
    void theDateIsTakenInTheClocksZone() {
        // 2026-10-02T16:30Z is already 3 October in Shanghai: 89 days left
        Clock clock = Clock.fixed(Instant.parse("2026-10-02T16:30:00Z"), SHANGHAI);
        assertThat(health(clock).getStatus()).isEqualTo(CalendarCoverageHealthIndicator.WARNING);
        assertThat(health(clock.withZone(ZoneId.of("UTC"))).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aWarningLeavesTheOverallHealthUpAndHttp200() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                        HealthEndpointAutoConfiguration.class))
                .withBean(WorkingCalendar.class, () -> UNTIL_2026)
                .withBean(Clock.class, () -> at("2026-11-25T09:00"))
                .withBean("calendarCoverage", CalendarCoverageHealthIndicator.class,
                        () -> new CalendarCoverageHealthIndicator(UNTIL_2026, at("2026-11-25T09:00"), 90))
                .run(context -> {
                    CompositeHealth health = (CompositeHealth) context.getBean(HealthEndpoint.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getComponents().get("calendarCoverage").getStatus().getCode())
                            .isEqualTo("WARNING");
                    assertThat(context.getBean(HttpCodeStatusMapper.class)
                            .getStatusCode(CalendarCoverageHealthIndicator.WARNING)).isEqualTo(200);
                });
    }
}
