package io.duban.query.rebuild;

import io.duban.query.view.ProjectedView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the views' streaming processors say about themselves: their segments and claims, and each view's status
 * (caught up, at the event store's head, events done of total, rate and estimated end of a running rebuild).
 */
final class ViewProcessors {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ViewProcessors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    StreamingEventProcessor processor(ProjectedView view) {
        return processing.eventProcessorByProcessingGroup(view.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(
                        "No streaming event processor for processing group " + view.processingGroup()));
    }

    boolean claimsSettled(StreamingEventProcessor processor) {
        int segments = segmentCount(processor);
        return segments > 0 && processor.processingStatus().size() >= segments;
    }

    int segmentCount(StreamingEventProcessor processor) {
        String name = processor.getName();
        int[] segments = processing.transactionManager(name)
                .fetchInTransaction(() -> processing.tokenStore(name).fetchSegments(name));
        return segments.length;
    }

    /** The processor's side of the status; {@code documentCount} is passed in because counting scans on the embedded server. */
    ViewStatus status(ProjectedView view, long documentCount, RebuildRun run) {
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
}
