package io.duban.deploy.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.duban.deploy.eventstore.DatabaseDialect;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Spreads the segments of every multi-segment streaming processor (the views, with {@code DUBAN_VIEW_SEGMENTS} ≥ 2)
 * over the application nodes sharing one PostgreSQL database.
 * <p>
 * Axon's tracking processors claim free segments but never give one up to a node that starts later: the first node
 * up would keep every segment and the others would idle. Every {@code interval} each node therefore counts the nodes
 * alive (the rows of Quartz's clustered scheduler state that checked in recently: every node runs Quartz on the same
 * database) and, for each processor holding more than its fair share (segments ÷ nodes, rounded up), releases the
 * surplus for a while, so that an idle node claims it. Should nobody take it, the node claims it back after
 * {@code release}. A dead node's segments need nothing from here: its claims time out and the survivors' free threads
 * take them (each node runs as many threads as there are segments).
 * <p>
 * Off on H2 (one process per database) and for single-segment processors.
 */
@Component
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final DatabaseDialect dialect;
    private final String schedulerName;
    private final Duration interval;
    private final Duration release;
    private ScheduledExecutorService executor;

    public SegmentBalancer(EventProcessingConfiguration processing, DataSource dataSource, DatabaseDialect dialect,
                           @Value("${spring.quartz.scheduler-name:duban}") String schedulerName,
                           @Value("${duban.cluster.balance-interval:10s}") Duration interval,
                           @Value("${duban.cluster.release-for:20s}") Duration release) {
        this.processing = processing;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schedulerName = schedulerName;
        this.interval = interval;
        this.release = release;
    }

    @PostConstruct
    void start() {
        if (dialect != DatabaseDialect.POSTGRESQL) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::balance, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One pass: release what this node holds beyond its fair share of each processor. */
    void balance() {
        try {
            int nodes = liveNodes();
            for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
                if (!processor.isRunning()) {
                    continue;
                }
                int segments = segmentCount(processor);
                List<Integer> claimed = new ArrayList<>(processor.processingStatus().keySet());
                List<Integer> surplus = surplus(claimed, segments, nodes);
                for (int segment : surplus) {
                    log.info("Releasing segment {} of {} for {} s ({} of {} segments held here, {} nodes alive)",
                            segment, processor.getName(), release.toSeconds(), claimed.size(), segments, nodes);
                    processor.releaseSegment(segment, release.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (RuntimeException | SQLException e) {
            log.warn("Could not balance the processors' segments: {}", e.toString());
        }
    }

    /**
     * The segments to release: those held beyond {@code ceil(segments / nodes)}, highest first (so that the lower
     * ones stay where they are).
     */
    static List<Integer> surplus(List<Integer> claimed, int segments, int nodes) {
        if (segments <= 1 || nodes <= 1) {
            return List.of();
        }
        int fairShare = (segments + nodes - 1) / nodes;
        int excess = claimed.size() - fairShare;
        if (excess <= 0) {
            return List.of();
        }
        return claimed.stream().sorted(java.util.Comparator.reverseOrder()).limit(excess).toList();
    }

    /**
     * Whether a scheduler instance is alive: Quartz's own rule for a failed instance is a check-in older than its
     * interval (plus a grace of 7.5 s); the same grace here.
     */
    static boolean alive(long lastCheckinMillis, long checkinIntervalMillis, long nowMillis) {
        return lastCheckinMillis + checkinIntervalMillis + 7_500 >= nowMillis;
    }

    private int liveNodes() throws SQLException {
        long now = System.currentTimeMillis();
        int alive = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?")) {
            select.setString(1, schedulerName);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (alive(rs.getLong(1), rs.getLong(2), now)) {
                        alive++;
                    }
                }
            }
        }
        return Math.max(1, alive);
    }

    private int segmentCount(StreamingEventProcessor processor) {
        String name = processor.getName();
        return processing.transactionManager(name)
                .fetchInTransaction(() -> processing.tokenStore(name).fetchSegments(name)).length;
    }
}
