package io.duban.deploy.calendar;

import java.time.Clock;

import io.duban.command.api.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code calendarCoverage} component of {@code /actuator/health}: {@code UP} while the working calendar covers
 * the next {@code duban.calendar.coverage-horizon-days} (default 90) days, otherwise {@link #WARNING}.
 * <p>
 * Why a status of its own: a calendar running out is a task for an operator (add next year's notice), not an
 * outage. {@code DOWN} or {@code OUT_OF_SERVICE} would turn the whole health endpoint into HTTP 503 and make a
 * load balancer or Kubernetes probe take a working service out of rotation or restart it in a loop. {@code WARNING}
 * is not in the status order, so the overall status stays {@code UP} with HTTP 200, while monitoring can alert on
 * {@code components.calendarCoverage.status != "UP"} (or on {@code /actuator/health/calendarCoverage}), which an
 * {@code UP} with a warning detail would not allow. The details (coveredUntil, daysCovered, horizonDays, warning)
 * are shown to logged-in users, see {@code management.endpoint.health} in application.yml.
 */
@Component("calendarCoverage")
public class CalendarCoverageHealthIndicator implements HealthIndicator {

    public static final Status WARNING = new Status("WARNING", "the working calendar does not cover the horizon");

    private final WorkingCalendar calendar;
    private final Clock clock;
    private final int horizonDays;

    public CalendarCoverageHealthIndicator(WorkingCalendar calendar, Clock clock,
                                           @Value("${duban.calendar.coverage-horizon-days:90}") int horizonDays) {
        this.calendar = calendar;
        this.clock = clock;
        this.horizonDays = horizonDays;
    }

    @Override
    public Health health() {
        CalendarCoverage coverage = CalendarCoverage.of(calendar, clock, horizonDays);
        Health.Builder health = coverage.sufficient() ? Health.up() : Health.status(WARNING);
        health.withDetail("coveredUntil", coverage.coveredUntil().toString())
                .withDetail("daysCovered", coverage.daysCovered())
                .withDetail("horizonDays", horizonDays);
        if (!coverage.sufficient()) {
            health.withDetail("warning", coverage.warning());
        }
        return health.build();
    }
}
