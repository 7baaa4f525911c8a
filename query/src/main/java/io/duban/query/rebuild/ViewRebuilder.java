package io.duban.query.rebuild;

import io.duban.query.ProcessingGroups;
import io.duban.query.view.ProjectedView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds views from the event store: for each view's streaming processor, wait until its segment claims have
 * settled, {@code shutDown()}, {@code resetTokens()} (the view's {@code @ResetHandler} drops the collection) and
 * {@code start()} again; the processor then replays every event into the empty collection.
 * <p>
 * "Done" is judged by the processors' status, not by Axon's replay flag (which stays set after a reset until a
 * new event arrives): every segment claimed, caught up, without error, and its token at the event store's head.
 * Assumes one node runs the query processors (the segments of the token store are all claimed here).
 */
@Service
public class ViewRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilder.class);
    private static final Duration CLAIMS_SETTLE_TIMEOUT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 50;
    private static final long PROGRESS_LOG_SECONDS = 2;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final List<ProjectedView> views;
    private final MongoTemplate mongo;
    /** Per view name: the rebuild running or last finished on this node. */
    private final Map<String, RebuildRun> runs = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService swapper = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild-swap");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService progressLog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    /** When a rebuild started (wall time and monotonic), and when it was first seen up to date. */
    private static final class RebuildRun {
        final Instant startedAt = Instant.now();
        final long startedNanos = System.nanoTime();
        volatile Instant finishedAt;
        volatile long finishedNanos;
        /** When the rebuilt shadow collection replaced the live one; null while the replay runs. */
        volatile Instant swappedAt;
    }

    /** The collection a view is rebuilt into while the live one keeps serving reads. */
    static final String SHADOW_SUFFIX = "__rebuild";

    public ViewRebuilder(EventProcessingConfiguration processing, EventStore eventStore, List<ProjectedView> views,
                         MongoTemplate mongo) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.views = views.stream()
                .sorted(Comparator.comparingInt(view -> ProcessingGroups.ALL.indexOf(view.processingGroup())))
                .toList();
        this.mongo = mongo;
    }

    /** The short names accepted by {@link #rebuild(String)}. */
    public List<String> viewNames() {
        return views.stream().map(ProjectedView::viewName).toList();
    }

    /**
     * Starts rebuilding the named view, or every view when {@code viewName} is null, and returns once the
     * processors replay (without waiting for them to finish).
     *
     * @throws IllegalArgumentException for an unknown view name
     */
    public synchronized List<ViewStatus> rebuild(String viewName) {
        List<ProjectedView> selected = select(viewName);
        List<StreamingEventProcessor> processors = selected.stream().map(this::processor).toList();
        processors.forEach(ViewRebuilder::checkResettable);
        processors.stream().filter(StreamingEventProcessor::isRunning).forEach(this::awaitClaimsSettled);
        // A tracking processor's thread may wait up to its event availability timeout before it stops: stop them all
        // at once rather than one after the other.
        CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        for (int i = 0; i < processors.size(); i++) {
            StreamingEventProcessor processor = processors.get(i);
            ProjectedView view = selected.get(i);
            String shadow = view.collectionName() + SHADOW_SUFFIX;
            log.info("Rebuilding view {} into {} while {} keeps serving reads", view.viewName(), shadow,
                    view.collectionName());
            if (mongo.collectionExists(shadow)) { // a rebuild interrupted earlier left it behind
                mongo.getCollection(shadow).drop();
            }
            view.redirectWrites(shadow);
            processor.resetTokens(); // the view's reset handler now drops and re-indexes the shadow, not the live view
            runs.put(view.viewName(), new RebuildRun());
            processor.start();
        }
        scheduleProgressLog(selected);
        for (int i = 0; i < selected.size(); i++) {
            ProjectedView view = selected.get(i);
            StreamingEventProcessor processor = processors.get(i);
            swapper.submit(() -> swapWhenCaughtUp(view, processor));
        }
        return selected.stream().map(this::status).toList();
    }

    /**
     * Once the replay into the shadow has reached the head: stop the processor, rename the shadow over the live
     * collection (readers switch from the complete old documents to the complete new ones), point the projection
     * back at the live name and let it continue from where the replay stopped.
     */
    private void swapWhenCaughtUp(ProjectedView view, StreamingEventProcessor processor) {
        try {
            while (!processorAtHead(view)) {
                pause();
            }
            synchronized (this) {
                processor.shutDown();
                mongo.getCollection(view.writeTarget()).renameCollection(
                        new com.mongodb.MongoNamespace(mongo.getDb().getName(), view.collectionName()),
                        new com.mongodb.client.model.RenameCollectionOptions().dropTarget(true));
                view.redirectWrites(view.collectionName());
                view.createIndexes();
                processor.start();
                RebuildRun run = runs.get(view.viewName());
                if (run != null) {
                    run.swappedAt = Instant.now();
                }
                log.info("Rebuilt view {} swapped in", view.viewName());
            }
        } catch (RuntimeException e) {
            log.error("Rebuild of view {} could not be swapped in; the previous documents keep serving",
                    view.viewName(), e);
        }
    }

    private boolean processorAtHead(ProjectedView view) {
        return status(view, -1).processorAtHead();
    }

    @PreDestroy
    void stopSwapper() {
        swapper.shutdownNow();
    }

    /** Rebuilds every view and waits until all are up to date. */
    public void rebuildAndWait(Duration timeout) {
        rebuildAndWait(null, timeout);
    }

    /** Rebuilds the named view (every view when null) and waits until it is up to date. */
    public void rebuildAndWait(String viewName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        rebuild(viewName);
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!awaitUpToDate(select(viewName), left)) {
            throw new IllegalStateException("Views not rebuilt within " + timeout + ": " + statuses());
        }
        select(viewName).forEach(view -> log.info("Rebuilt view {}: {}", view.viewName(), status(view, -1).progress()));
    }

    /** Waits until every view's processor is up to date with the event store; false when the timeout passed first. */
    public boolean awaitUpToDate(Duration timeout) {
        return awaitUpToDate(views, timeout);
    }

    public List<ViewStatus> statuses() {
        return views.stream().map(this::status).toList();
    }

    private boolean awaitUpToDate(Collection<ProjectedView> selected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (selected.stream().allMatch(view -> status(view, -1).upToDate())) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
    }

    /** Logs each view's progress every {@link #PROGRESS_LOG_SECONDS} s until it is up to date, then its totals. */
    private void scheduleProgressLog(List<ProjectedView> selected) {
        List<ProjectedView> pending = new java.util.concurrent.CopyOnWriteArrayList<>(selected);
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = progressLog.scheduleWithFixedDelay(() -> {
            try {
                for (ProjectedView view : pending) {
                    ViewStatus status = status(view, -1);
                    if (status.upToDate()) {
                        log.info("Rebuilt view {}: {}", view.viewName(), status.progress());
                        pending.remove(view);
                    } else {
                        log.info("Rebuilding view {}: {}", view.viewName(), status.progress());
                    }
                }
                if (pending.isEmpty()) {
                    task[0].cancel(false);
                }
            } catch (RuntimeException e) {
                log.warn("Could not report the rebuild progress", e);
            }
        }, PROGRESS_LOG_SECONDS, PROGRESS_LOG_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopProgressLog() {
        progressLog.shutdownNow();
    }

    private List<ProjectedView> select(String viewName) {
        if (viewName == null) {
            return views;
        }
        return views.stream().filter(view -> view.viewName().equals(viewName)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("Unknown view " + viewName + "; known: " + viewNames()));
    }

    private static void checkResettable(StreamingEventProcessor processor) {
        if (!processor.supportsReset()) {
            throw new IllegalStateException("Processor " + processor.getName() + " does not support a reset");
        }
    }

    /** Shutting down before every segment is claimed once left a segment unclaimed after the restart. */
    private void awaitClaimsSettled(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIMS_SETTLE_TIMEOUT.toNanos();
        while (!claimsSettled(processor)) {
            if (System.nanoTime() > deadline) {
                log.warn("Segment claims of {} did not settle within {}; resetting anyway", processor.getName(),
                        CLAIMS_SETTLE_TIMEOUT);
                return;
            }
            pause();
        }
    }

    private boolean claimsSettled(StreamingEventProcessor processor) {
        int segments = segmentCount(processor);
        return segments > 0 && processor.processingStatus().size() >= segments;
    }

    private int segmentCount(StreamingEventProcessor processor) {
        String name = processor.getName();
        int[] segments = processing.transactionManager(name)
                .fetchInTransaction(() -> processing.tokenStore(name).fetchSegments(name));
        return segments.length;
    }

    private StreamingEventProcessor processor(ProjectedView view) {
        return processing.eventProcessorByProcessingGroup(view.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(
                        "No streaming event processor for processing group " + view.processingGroup()));
    }

    private ViewStatus status(ProjectedView view) {
        return status(view, mongo.getCollection(view.collectionName()).countDocuments());
    }

    /** The processor's side of the status; {@code documentCount} is passed in because counting scans on the embedded server. */
    private ViewStatus status(ProjectedView view, long documentCount) {
        StreamingEventProcessor processor = processor(view);
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        int segments = segmentCount(processor);
        boolean error = claimed.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean caughtUp = !claimed.isEmpty() && claimed.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        Long head = position(eventStore.createHeadToken());
        List<Long> positions = claimed.values().stream().map(s -> position(s.getTrackingToken())).toList();
        Long lowest = positions.stream().anyMatch(Objects::isNull) ? null
                : positions.stream().min(Long::compare).orElse(null);
        // No token yet means "before the first event": at the head only when the store is empty.
        long headOrNone = head == null ? -1 : head;
        boolean atHead = positions.stream().allMatch(p -> (p == null ? -1 : p) >= headOrNone);
        boolean processorAtHead = processor.isRunning() && !error && segments > 0 && claimed.size() >= segments
                && caughtUp && atHead;
        RebuildRun run = runs.get(view.viewName());
        // a rebuilt view is up to date once its shadow has been swapped in, not merely when the replay caught up
        boolean upToDate = processorAtHead && (run == null || run.swappedAt != null);
        long tail = tailPosition();
        long total = head == null ? 0 : Math.max(0, head - tail);
        long done = lowest == null ? 0 : Math.min(total, Math.max(0, lowest - tail));
        RebuildRun finishedReplay = run != null && run.finishedAt != null ? run : null;
        if (processorAtHead || finishedReplay != null) {
            done = total; // also while the processor is briefly stopped for the swap
        }
        double perSecond = 0;
        Instant estimatedEnd = null;
        if (run != null) {
            if (processorAtHead && run.finishedAt == null) {
                run.finishedNanos = System.nanoTime();
                run.finishedAt = Instant.now();
            }
            long endNanos = run.finishedAt != null ? run.finishedNanos : System.nanoTime();
            double seconds = Math.max(1e-3, (endNanos - run.startedNanos) / 1e9);
            perSecond = done / seconds;
            if (run.finishedAt != null) {
                estimatedEnd = run.finishedAt;
            } else if (perSecond > 0) {
                estimatedEnd = Instant.now().plusMillis((long) ((total - done) / perSecond * 1000));
            }
        }
        return new ViewStatus(view.viewName(), processor.getName(), view.collectionName(), processor.isRunning(),
                error, segments, claimed.size(), caughtUp, processor.isReplaying(), lowest, head, upToDate,
                documentCount, done, total, run == null ? null : run.startedAt, perSecond, estimatedEnd,
                processorAtHead, view.writeTarget());
    }

    /** The position just before the store's first event (-1 for an empty store). */
    private long tailPosition() {
        Long tail = position(eventStore.createTailToken());
        return tail == null ? -1 : tail;
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the view processors", e);
        }
    }
}
