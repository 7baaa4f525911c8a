package io.duban.deploy.calendar;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.duban.command.api.calendar.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says in the log, at WARN, when the working calendar does not cover the coming
 * {@code duban.calendar.coverage-horizon-days} (default 90): once when the application is ready, then once a day
 * while it runs (on one daemon thread; every node logs, which is what a log-based alert on any node wants).
 */
@Component
public class CalendarCoverageWarning implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CalendarCoverageWarning.class);

    private final WorkingCalendar calendar;
    private final Clock clock;
    private final int horizonDays;
    private ScheduledExecutorService daily;

    public CalendarCoverageWarning(WorkingCalendar calendar, Clock clock,
                                   @Value("${duban.calendar.coverage-horizon-days:90}") int horizonDays) {
        this.calendar = calendar;
        this.clock = clock;
        this.horizonDays = horizonDays;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void startDailyCheck() {
        if (daily == null) {
            daily = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "calendar-coverage");
                thread.setDaemon(true);
                return thread;
            });
            daily.scheduleAtFixedRate(this::checkSafely, 0, 1, TimeUnit.DAYS);
        }
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

    @Override
    public synchronized void destroy() {
        if (daily != null) {
            daily.shutdownNow();
            daily = null;
        }
    }
}
