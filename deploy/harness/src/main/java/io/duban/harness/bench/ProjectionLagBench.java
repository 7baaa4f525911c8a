package io.duban.harness.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.ReportProgress;
import io.duban.query.ProcessingGroups;
import io.duban.query.rebuild.ViewRebuilder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Projection lag at a fixed sustained rate: an open loop sends {@code --lag-rate} ReportProgress commands a second
 * for {@code --lag-seconds} (after a 2 s warm-up that is not recorded) round-robin over the commitments the write phase
 * registered, at most one in flight per commitment; a monitor thread reads every tracking processor's token about
 * every millisecond. Each update's event is looked up by global index right after the command is acknowledged, and
 * its lag is the first time the view's token covered that index minus the acknowledgement (ack→visible), or minus the
 * time the update was due to be sent (send→visible: what a user pressing send sees).
 * <p>
 * The phase starts once every tracking processor (the views, and the bot's and dispatch processors) has caught up
 * with the write phase, and before returning waits (bounded) until they caught up with its own updates, so that the
 * phases after it do not inherit a backlog. Figures for the views; the other processors appear as details.
 */
final class ProjectionLagBench {

    private static final long WARMUP_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long VISIBILITY_TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int WORKERS = 32;
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    private final BenchOptions options;
    private final BenchResult result;
    private final PrintStream out;

    ProjectionLagBench(BenchOptions options, BenchResult result, PrintStream out) {
        this.options = options;
        this.result = result;
        this.out = out;
    }

    /** One update: written by the worker that sends it, read after the worker pool terminated. */
    private static final class Update {
        final long dueNanos;
        final boolean measured;
        volatile long sendNanos;
        volatile long ackNanos;
        volatile long globalIndex = -1;
        volatile boolean refused;
        volatile boolean skipped;

        Update(long dueNanos, boolean measured) {
            this.dueNanos = dueNanos;
            this.measured = measured;
        }
    }

    void run(ConfigurableApplicationContext app, List<RegisterCommitment> registrations) throws Exception {
        if (options.lagSeconds() == 0 || registrations.isEmpty()) {
            return;
        }
        CommandGateway commands = app.getBean(CommandGateway.class);
        DataSource dataSource = app.getBean(DataSource.class);
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);

        boolean caughtUp = app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofMinutes(5));
        result.detail("lagViewsCaughtUpBefore", caughtUp);

        // the views first, then every other tracking processor (the bot's ledger and alerts, dispatch-reports...)
        Map<String, TrackingEventProcessor> processors = new LinkedHashMap<>();
        for (String name : ProcessingGroups.ALL) {
            processing.eventProcessor(name, TrackingEventProcessor.class).ifPresent(p -> processors.put(name, p));
        }
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof TrackingEventProcessor t && !processors.containsKey(name)) {
                processors.put(name, t);
            }
        });
        if (!processors.containsKey(ProcessingGroups.COMMITMENTS)) {
            out.println("lag: no tracking processor " + ProcessingGroups.COMMITMENTS + ", phase skipped");
            result.detail("lagSkipped", "no tracking processor " + ProcessingGroups.COMMITMENTS);
            return;
        }
        // a processor not running or holding no segment here would never catch up: left out of "every processor"
        Set<String> active = new HashSet<>();
        processors.forEach((name, p) -> {
            if (p.isRunning() && !p.processingStatus().isEmpty()) {
                active.add(name);
            }
        });
        result.detail("lagProcessorsInactive", processors.keySet().stream().filter(n -> !active.contains(n)).toList());

        // the write phase leaves the bot's ledger and dispatch-reports (batch size 1) far behind the views: measure
        // from a quiet state, then take the idle CPU of the application as a baseline
        long waitStart = System.nanoTime();
        boolean quiet = awaitEveryProcessorAt(processors, active, lastGlobalIndex(dataSource, null),
                Duration.ofMinutes(5));
        result.detail("lagEveryProcessorCaughtUpBefore", quiet);
        result.detail("lagWaitForEveryProcessorBeforeSeconds", round((System.nanoTime() - waitStart) / 1e9));
        long idleCpuBefore = BenchRun.processCpuNanos();
        long idleStart = System.nanoTime();
        Thread.sleep(2_000);
        double idleCores = (BenchRun.processCpuNanos() - idleCpuBefore) / (double) (System.nanoTime() - idleStart);
        result.detail("lagIdleProcessCpuCores", round(idleCores * 100) / 100);
        Map<String, PositionTimeline> timelines = new LinkedHashMap<>();
        processors.keySet().forEach(name -> timelines.put(name, new PositionTimeline()));
        PositionTimeline allViews = new PositionTimeline();
        PositionTimeline everyProcessor = new PositionTimeline();

        int rate = options.lagRate();
        int warmupCount = (int) (rate * WARMUP_NANOS / 1_000_000_000L);
        int total = warmupCount + (int) Math.min(Integer.MAX_VALUE - warmupCount, (long) rate * options.lagSeconds());
        int n = registrations.size();
        int basePercent = options.reports() * 100 / (options.reports() + 1);
        int[] reportsSent = new int[n];
        AtomicBoolean[] busy = new AtomicBoolean[n];
        Arrays.setAll(busy, i -> new AtomicBoolean());
        Update[] updates = new Update[total];
        AtomicLong refused = new AtomicLong();
        AtomicLong skipped = new AtomicLong();

        // monitor: the lowest token position (and gaps) per view and over all views, at every change
        AtomicBoolean stopMonitor = new AtomicBoolean();
        Thread monitor = new Thread(() -> {
            while (!stopMonitor.get()) {
                long now = System.nanoTime();
                long viewsMin = Long.MAX_VALUE;
                long everyMin = Long.MAX_VALUE;
                Set<Long> viewsGaps = new HashSet<>();
                Set<Long> everyGaps = new HashSet<>();
                for (Map.Entry<String, TrackingEventProcessor> e : processors.entrySet()) {
                    Set<Long> gaps = new HashSet<>();
                    long min = lowestPosition(e.getValue().processingStatus(), gaps);
                    timelines.get(e.getKey()).record(now, min, gaps);
                    if (ProcessingGroups.ALL.contains(e.getKey())) {
                        viewsMin = Math.min(viewsMin, min);
                        viewsGaps.addAll(gaps);
                    }
                    if (active.contains(e.getKey())) {
                        everyMin = Math.min(everyMin, min);
                        everyGaps.addAll(gaps);
                    }
                }
                allViews.record(now, viewsMin, viewsGaps);
                everyProcessor.record(now, everyMin, everyGaps);
                LockSupport.parkNanos(POLL_NANOS);
            }
        }, "bench-lag-monitor");
        monitor.setDaemon(true);
        monitor.start();
        long monitorThreadId = monitor.getId();

        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "bench-lag-worker");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-lag-ticker");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger nextUpdate = new AtomicInteger();
        AtomicInteger cursor = new AtomicInteger();
        AtomicLong cpuAtMeasureStart = new AtomicLong();
        AtomicLong monitorCpuAtMeasureStart = new AtomicLong();
        CountDownLatch allDispatched = new CountDownLatch(1);
        long start = System.nanoTime();
        long measureStart = start + WARMUP_NANOS;
        Runnable tick = () -> {
            long elapsed = System.nanoTime() - start;
            long due = Math.min(total, elapsed * rate / 1_000_000_000L + 1);
            int u;
            while ((u = nextUpdate.get()) < due) {
                nextUpdate.set(u + 1);
                if (u == warmupCount) {
                    cpuAtMeasureStart.set(BenchRun.processCpuNanos());
                    monitorCpuAtMeasureStart.set(threadCpuNanos(monitorThreadId));
                }
                Update update = new Update(start + (long) u * 1_000_000_000L / rate, u >= warmupCount);
                updates[u] = update;
                int c = claim(busy, cursor);
                if (c < 0) {
                    update.skipped = true;
                    skipped.incrementAndGet();
                    continue;
                }
                workers.execute(() -> {
                    RegisterCommitment r = registrations.get(c);
                    try {
                        int percent = Math.min(100, basePercent + ++reportsSent[c]);
                        update.sendNanos = System.nanoTime();
                        commands.sendAndWait(new ReportProgress(r.commitmentId(), percent,
                                "持续负载进度 " + percent + "%", null, r.actor()));
                        update.ackNanos = System.nanoTime();
                        update.globalIndex = lastGlobalIndex(dataSource, r.commitmentId());
                    } catch (Exception e) {
                        update.refused = true;
                        refused.incrementAndGet();
                    } finally {
                        busy[c].set(false);
                    }
                });
            }
            if (nextUpdate.get() >= total) {
                allDispatched.countDown();
            }
        };
        ticker.scheduleAtFixedRate(tick, 0, 1, TimeUnit.MILLISECONDS);
        long expectedNanos = (long) total * 1_000_000_000L / rate;
        boolean dispatched = allDispatched.await(expectedNanos + VISIBILITY_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        long lastDue = System.nanoTime();
        ticker.shutdownNow();
        workers.shutdown();
        boolean acked = workers.awaitTermination(VISIBILITY_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        long sendEnd = System.nanoTime();

        // wait until every acknowledged update is visible in every view, at most the timeout after the last send
        long highest = -1;
        for (Update u : updates) {
            if (u != null && u.globalIndex > highest) {
                highest = u.globalIndex;
            }
        }
        long deadline = lastDue + VISIBILITY_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline && !allVisible(updates, allViews, highest)) {
            Thread.sleep(10);
        }
        long cpu = BenchRun.processCpuNanos() - cpuAtMeasureStart.get();
        long monitorCpu = threadCpuNanos(monitorThreadId) - monitorCpuAtMeasureStart.get();
        long viewsVisibleAt = System.nanoTime();
        long cpuWindowNanos = viewsVisibleAt - measureStart;

        // the processors outside the views (bot ledger, dispatch-reports) may be further behind: later phases must
        // not inherit that backlog (the replies phase reads the bot's ledger), so wait for it, bounded
        long head = lastGlobalIndex(dataSource, null);
        long drainDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < drainDeadline && everyProcessor.firstVisible(head) < 0) {
            Thread.sleep(50);
        }
        long drained = everyProcessor.firstVisible(head);
        long cpuUntilDrained = BenchRun.processCpuNanos() - cpuAtMeasureStart.get();
        stopMonitor.set(true);
        monitor.join(1_000);
        workers.shutdownNow();
        result.detail("lagEveryProcessorCaughtUpSecondsAfterViews",
                drained < 0 ? "not within 5 min" : round((drained - viewsVisibleAt) / 1e9));
        for (Map.Entry<String, PositionTimeline> e : timelines.entrySet()) {
            if (e.getValue().lastPosition() < head) {
                result.detail("lagBehindAtEnd." + e.getKey(), e.getValue().lastPosition() + "/" + head);
            }
        }

        // figures over the measured updates
        List<Long> ackToVisible = new ArrayList<>();
        List<Long> ackToVisibleAll = new ArrayList<>();
        List<Long> ackToProcessedEvery = new ArrayList<>();
        List<Long> sendToVisible = new ArrayList<>();
        List<Long> sendToAck = new ArrayList<>();
        Map<String, List<Long>> perView = new LinkedHashMap<>();
        timelines.keySet().forEach(name -> perView.put(name, new ArrayList<>()));
        long measured = 0;
        long acknowledged = 0;
        long neverSeen = 0;
        long notIndexed = 0;
        long lastAck = measureStart;
        long maxDispatchDelay = 0;
        for (Update u : updates) {
            if (u == null || !u.measured) {
                continue;
            }
            measured++;
            if (u.skipped || u.refused) {
                continue;
            }
            if (u.ackNanos == 0) {
                notIndexed++; // still in flight when the pool was abandoned
                continue;
            }
            acknowledged++;
            lastAck = Math.max(lastAck, u.ackNanos);
            maxDispatchDelay = Math.max(maxDispatchDelay, u.sendNanos - u.dueNanos);
            sendToAck.add(u.ackNanos - u.dueNanos);
            if (u.globalIndex < 0) {
                notIndexed++;
                continue;
            }
            long visible = timelines.get(ProcessingGroups.COMMITMENTS).firstVisible(u.globalIndex);
            long visibleAll = allViews.firstVisible(u.globalIndex);
            if (visible < 0 || visibleAll < 0) {
                neverSeen++;
            }
            if (visible >= 0) {
                ackToVisible.add(Math.max(0, visible - u.ackNanos));
                sendToVisible.add(Math.max(0, visible - u.dueNanos));
            }
            if (visibleAll >= 0) {
                ackToVisibleAll.add(Math.max(0, visibleAll - u.ackNanos));
            }
            long processedEvery = everyProcessor.firstVisible(u.globalIndex);
            if (processedEvery >= 0) {
                ackToProcessedEvery.add(Math.max(0, processedEvery - u.ackNanos));
            }
            for (Map.Entry<String, PositionTimeline> e : timelines.entrySet()) {
                long v = e.getValue().firstVisible(u.globalIndex);
                if (v >= 0) {
                    perView.get(e.getKey()).add(Math.max(0, v - u.ackNanos));
                }
            }
        }
        long[] commitmentsLag = sorted(ackToVisible);
        long[] allLag = sorted(ackToVisibleAll);
        long[] everyLag = sorted(ackToProcessedEvery);
        long[] userLag = sorted(sendToVisible);
        long[] ackLatency = sorted(sendToAck);
        double measuredSeconds = (lastAck - measureStart) / 1e9;

        String at = "projection lag at " + rate + "/s";
        result.detail("lagRate", rate);
        result.detail("lagSeconds", options.lagSeconds());
        result.detail("lagWarmupUpdates", warmupCount);
        result.detail("lagUpdatesMeasured", measured);
        result.detail("lagUpdatesAcknowledged", acknowledged);
        result.detail("lagUpdatesRefused", refused.get());
        result.detail("lagUpdatesSkippedAllCommitmentsBusy", skipped.get());
        result.detail("lagUpdatesNeverSeen", neverSeen);
        result.detail("lagUpdatesWithoutIndex", notIndexed);
        result.detail("lagAllDispatchedInTime", dispatched);
        result.detail("lagAllAcknowledgedInTime", acked);
        result.detail("lagMaxDispatchDelayMs", Math.round(maxDispatchDelay / 1e6));
        result.detail("lagTimelineEntries", allViews.size());
        // how often each processor's token moved: ~1 per second while events arrive every 5 ms means the processor
        // waits for a timeout rather than being woken by the commit
        timelines.forEach((name, t) -> result.detail("lagTokenAdvances." + name, t.size()));
        result.detail("lagMonitorCpuMs", Math.round(monitorCpu / 1e6));
        result.detail("lagCpuPerUpdateNetOfIdleMs", acknowledged == 0 ? "n/a"
                : round((cpu - idleCores * cpuWindowNanos) / 1e6 / acknowledged));
        for (Map.Entry<String, List<Long>> e : perView.entrySet()) {
            long[] s = sorted(e.getValue());
            result.detail("lagP99Ms." + e.getKey(),
                    s.length == 0 ? "never" : round(ms(Percentile.of(s, 0.99))));
        }
        result.figure(at + ", commitments view, ack→visible p50", ms(Percentile.of(commitmentsLag, 0.50)),
                "ms");
        result.figure(at + ", commitments view, ack→visible p99", ms(Percentile.of(commitmentsLag, 0.99)),
                "ms", "<", Targets.LAG_P99_MS);
        result.figure(at + ", commitments view, ack→visible max", ms(max(commitmentsLag)), "ms");
        result.figure(at + ", all views, ack→visible p50", ms(Percentile.of(allLag, 0.50)), "ms");
        result.figure(at + ", all views, ack→visible p99", ms(Percentile.of(allLag, 0.99)), "ms");
        result.figure(at + ", all views, ack→visible max", ms(max(allLag)), "ms");
        result.figure(at + ", every tracking processor, ack→processed p99",
                ms(Percentile.of(everyLag, 0.99)), "ms");
        result.figure(at + ", commitments view, send→visible p50", ms(Percentile.of(userLag, 0.50)),
                "ms");
        result.figure(at + ", commitments view, send→visible p99", ms(Percentile.of(userLag, 0.99)),
                "ms");
        result.figure(at + ", send→ack p99", ms(Percentile.of(ackLatency, 0.99)), "ms");
        result.figure(at + ", achieved updates/s", measuredSeconds <= 0 ? Double.NaN : acknowledged / measuredSeconds,
                "upd/s", ">=", rate * 0.95);
        result.figure(at + ", updates refused/skipped/never seen", refused.get() + skipped.get() + neverSeen
                + notIndexed, "upd", "<", 1);
        result.figure(at + ", process CPU per update, until views caught up",
                acknowledged == 0 ? Double.NaN : cpu / 1e6 / acknowledged, "ms");
        result.figure(at + ", process CPU per update, until every processor",
                acknowledged == 0 ? Double.NaN : cpuUntilDrained / 1e6 / acknowledged, "ms");
        out.printf("lag: %d updates at %d/s in %.1f s (%d refused, %d never seen); commitments view ack→visible "
                        + "p50 %.1f ms p99 %.1f ms; all views p99 %.1f ms%n", acknowledged, rate, measuredSeconds,
                refused.get(), neverSeen, ms(Percentile.of(commitmentsLag, 0.50)),
                ms(Percentile.of(commitmentsLag, 0.99)), ms(Percentile.of(allLag, 0.99)));
        if (sendEnd - lastDue > VISIBILITY_TIMEOUT_NANOS / 2) {
            out.println("lag: acknowledgements lagged the schedule by " + (sendEnd - lastDue) / 1_000_000 + " ms");
        }
    }

    /** Waits until every active processor's token reached {@code head} (gaps ignored); false on timeout. */
    private static boolean awaitEveryProcessorAt(Map<String, TrackingEventProcessor> processors, Set<String> active,
                                                 long head, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean all = true;
            for (String name : active) {
                if (lowestPosition(processors.get(name).processingStatus(), new HashSet<>()) < head) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    /** The next commitment round-robin that has no update in flight, marked busy; -1 when all are busy. */
    private static int claim(AtomicBoolean[] busy, AtomicInteger cursor) {
        for (int tries = 0; tries < busy.length; tries++) {
            int c = Math.floorMod(cursor.getAndIncrement(), busy.length);
            if (busy[c].compareAndSet(false, true)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The lowest tracking position over a processor's segments (-1 when a segment has no token or none is claimed);
     * adds the gaps of every segment's token to {@code gaps}.
     */
    static long lowestPosition(Map<Integer, EventTrackerStatus> status, Set<Long> gaps) {
        if (status.isEmpty()) {
            return -1;
        }
        long min = Long.MAX_VALUE;
        for (EventTrackerStatus s : status.values()) {
            TrackingToken token = s.getTrackingToken();
            long position;
            if (token == null) {
                position = -1;
            } else if (token instanceof GapAwareTrackingToken g) {
                position = g.getIndex();
                gaps.addAll(g.getGaps());
            } else {
                position = token.position().orElse(-1);
            }
            min = Math.min(min, position);
        }
        return min;
    }

    private static boolean allVisible(Update[] updates, PositionTimeline allViews, long highest) {
        if (allViews.lastPosition() < highest) {
            return false;
        }
        for (Update u : updates) {
            if (u != null && u.globalIndex >= 0 && allViews.firstVisible(u.globalIndex) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The global index of the aggregate's last event, or of the last event of all when {@code aggregateId} is null. */
    private static long lastGlobalIndex(DataSource dataSource, String aggregateId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(aggregateId == null
                     ? "SELECT MAX(globalIndex) FROM DomainEventEntry"
                     : "SELECT MAX(globalIndex) FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            if (aggregateId != null) {
                ps.setString(1, aggregateId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long index = rs.getLong(1);
                return rs.wasNull() ? -1 : index;
            }
        }
    }

    private static long threadCpuNanos(long threadId) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isThreadCpuTimeSupported() ? Math.max(0, threads.getThreadCpuTime(threadId)) : 0;
    }

    private static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double max(long[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
    }
}
