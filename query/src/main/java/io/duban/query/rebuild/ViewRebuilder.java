package io.duban.query.rebuild;

import io.duban.query.ProcessingGroups;
import io.duban.query.view.ProjectedView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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

    private final ViewProcessors viewProcessors;
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

    /** The collection a view is rebuilt into while the live one keeps serving reads. */
    static final String SHADOW_SUFFIX = "__rebuild";

    public ViewRebuilder(EventProcessingConfiguration processing, EventStore eventStore, List<ProjectedView> views,
                         MongoTemplate mongo) {
        this.viewProcessors = new ViewProcessors(processing, eventStore);
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
        List<StreamingEventProcessor> processors = selected.stream().map(viewProcessors::processor).toList();
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
                if (!mongo.collectionExists(view.writeTarget())) {
                    // a replay that wrote nothing into a view without indexes left no shadow: the events say the view
                    // is empty, so an empty collection replaces the live one (a rename needs a source)
                    mongo.createCollection(view.writeTarget());
                }
                mongo.getCollection(view.writeTarget()).renameCollection(
                        new com.mongodb.MongoNamespace(mongo.getDb().getName(), view.collectionName()),
                        new com.mongodb.client.model.RenameCollectionOptions().dropTarget(true));
                view.redirectWrites(view.collectionName());
                view.createIndexes();
                new io.duban.query.view.ViewStamps(mongo).bump(view.collectionName()); // readers' caches read it anew
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
        return viewProcessors.status(view, -1, runs.get(view.viewName())).processorAtHead();
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
        select(viewName).forEach(view -> log.info("Rebuilt view {}: {}", view.viewName(), viewProcessors.status(view, -1, runs.get(view.viewName())).progress()));
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
            if (selected.stream().allMatch(view -> viewProcessors.status(view, -1, runs.get(view.viewName())).upToDate())) {
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
                    ViewStatus status = viewProcessors.status(view, -1, runs.get(view.viewName()));
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
        while (!viewProcessors.claimsSettled(processor)) {
            if (System.nanoTime() > deadline) {
                log.warn("Segment claims of {} did not settle within {}; resetting anyway", processor.getName(),
                        CLAIMS_SETTLE_TIMEOUT);
                return;
            }
            pause();
        }
    }

    private ViewStatus status(ProjectedView view) {
        return viewProcessors.status(view, mongo.getCollection(view.collectionName()).countDocuments(),
                runs.get(view.viewName()));
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
