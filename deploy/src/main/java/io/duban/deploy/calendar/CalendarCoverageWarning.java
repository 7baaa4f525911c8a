package io.duban.deploy.calendar;

import java.time.Clock;

import io.duban.command.api.calendar.WorkingCalendar;
import io.duban.command.api.work.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says in the log, at WARN, when the working calendar does not cover the coming
 * {@code duban.calendar.coverage-horizon-days} (default 90): on every node when it is ready, then every morning at
 * 08:00 as periodic work on the one scheduler (one node of a cluster logs it; a log-based alert watches them all).
 */
@Component
public class CalendarCoverageWarning {

    private static final Logger log = LoggerFactory.getLogger(CalendarCoverageWarning.class);

    private final WorkingCalendar calendar;
    private final Clock clock;
    private final int horizonDays;

    public CalendarCoverageWarning(WorkingCalendar calendar, Clock clock,
                                   @Value("${duban.calendar.coverage-horizon-days:90}") int horizonDays) {
        this.calendar = calendar;
        this.clock = clock;
        this.horizonDays = horizonDays;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void checkAtStart() {
        checkSafely();
    }

    @Bean
    PeriodicWork calendarCoverageCheck() {
        return PeriodicWork.cron("calendar-coverage", "warns when the working calendar does not cover the coming days",
                "0 0 8 * * ?", this::checkSafely);
    }

    /** Logs the coverage (WARN when short, INFO otherwise) and returns it. */
    public CalendarCoverage check() {
        CalendarCoverage coverage = CalendarCoverage.of(calendar, clock, horizonDays);
        if (coverage.sufficient()) {
            log.info("The working calendar covers holidays until {} ({} days ahead)", coverage.coveredUntil(),
                    coverage.daysCovered());
        } else {
            log.warn("{}", coverage.warning());
        }
        return coverage;
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("Could not check the working calendar's coverage", e);
        }
    }
}
