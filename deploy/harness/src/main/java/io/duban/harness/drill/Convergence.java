package io.duban.harness.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Do the views say what the event store says? Pure functions over rows read elsewhere ({@link StoreReader},
 * {@link ViewReader}): {@link #expected} folds each commitment's stored events into the progress and last sequence
 * its {@code commitments} document must show; {@link #compare} counts every document that is missing, extra or
 * different, and every stored commitment event without its {@code timeline} entry (one document per event, so a
 * lost view write shows there even when later events have overwritten the commitment document).
 */
final class Convergence {

    /** Stored events of the Commitment aggregate the commitments view does not handle (they leave lastSequence alone). */
    static final Set<String> NOT_IN_COMMITMENTS_VIEW = Set.of("io.duban.command.api.DueDateApproaching");

    static final String PROGRESS_REPORTED = "io.duban.command.api.ProgressReported";

    /**
     * One stored event of a commitment.
     *
     * @param percent the new progress of a ProgressReported, otherwise null
     */
    record Stored(String commitmentId, long sequence, String payloadType, Integer percent) {
    }

    /**
     * What the view must show for one commitment.
     *
     * @param progress     percent of the last ProgressReported (0 without one)
     * @param lastSequence sequence of the last event the view handles
     * @param events       events stored for the commitment
     * @param sequenceGaps sequence numbers missing between 0 and the highest (0 for an intact stream)
     */
    record Expected(String commitmentId, int progress, long lastSequence, long events, long sequenceGaps) {
    }

    /** What the view shows for one commitment. */
    record Viewed(String commitmentId, int progress, long lastSequence) {
    }

    /**
     * The comparison.
     *
     * @param compared  commitments in the store
     * @param missing   commitments in the store without a view document
     * @param extra     view documents of no stored commitment
     * @param different documents whose progress or lastSequence differs from the store, described
     * @param events           stored commitment events
     * @param timelineMissing  stored commitment events without a timeline entry
     * @param timelineExtra    timeline entries of commitments naming no stored event
     */
    record Result(int compared, List<String> missing, List<String> extra, List<String> different, int events,
                  List<String> timelineMissing, List<String> timelineExtra) {

        long wrong() {
            return missing.size() + extra.size() + different.size() + timelineMissing.size() + timelineExtra.size();
        }

        boolean converged() {
            return wrong() == 0;
        }

        /** Up to {@code n} examples of what is wrong, for the report. */
        List<String> examples(int n) {
            List<String> all = new ArrayList<>();
            missing.forEach(id -> all.add("missing in view: " + id));
            extra.forEach(id -> all.add("not in store: " + id));
            all.addAll(different);
            timelineMissing.forEach(id -> all.add("event without timeline entry: " + id));
            timelineExtra.forEach(id -> all.add("timeline entry of no stored event: " + id));
            return all.subList(0, Math.min(n, all.size()));
        }
    }

    private Convergence() {
    }

    /** Folds stored events (any order) into the expected view state of each commitment. */
    static Map<String, Expected> expected(List<Stored> events) {
        Map<String, List<Stored>> byCommitment = new LinkedHashMap<>();
        for (Stored event : events) {
            byCommitment.computeIfAbsent(event.commitmentId(), id -> new ArrayList<>()).add(event);
        }
        Map<String, Expected> expected = new LinkedHashMap<>();
        byCommitment.forEach((id, stream) -> {
            stream.sort(Comparator.comparingLong(Stored::sequence));
            int progress = 0;
            long lastSequence = -1;
            Set<Long> seen = new TreeSet<>();
            for (Stored event : stream) {
                seen.add(event.sequence());
                if (PROGRESS_REPORTED.equals(event.payloadType()) && event.percent() != null) {
                    progress = event.percent();
                }
                if (!NOT_IN_COMMITMENTS_VIEW.contains(event.payloadType())) {
                    lastSequence = Math.max(lastSequence, event.sequence());
                }
            }
            long highest = stream.get(stream.size() - 1).sequence();
            long gaps = highest + 1 - seen.size();
            expected.put(id, new Expected(id, progress, lastSequence, stream.size(), gaps));
        });
        return expected;
    }

    /**
     * Compares every stored commitment with its view document, and reports documents of unknown commitments; then
     * every stored commitment event with the timeline's commitment entries.
     */
    static Result compare(Map<String, Expected> store, Map<String, Viewed> view, Set<String> storedEventIds,
                          Set<String> timelineIds) {
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (Expected e : store.values()) {
            Viewed v = view.get(e.commitmentId());
            if (v == null) {
                missing.add(e.commitmentId());
            } else if (v.progress() != e.progress() || v.lastSequence() != e.lastSequence()) {
                different.add(e.commitmentId() + ": view progress " + v.progress() + " lastSequence "
                        + v.lastSequence() + ", store progress " + e.progress() + " lastSequence " + e.lastSequence());
            }
        }
        List<String> extra = view.keySet().stream().filter(id -> !store.containsKey(id)).sorted().toList();
        List<String> timelineMissing = storedEventIds.stream().filter(id -> !timelineIds.contains(id)).sorted().toList();
        List<String> timelineExtra = timelineIds.stream().filter(id -> !storedEventIds.contains(id)).sorted().toList();
        return new Result(store.size(), missing, extra, different, storedEventIds.size(), timelineMissing,
                timelineExtra);
    }

    /** Commitments whose stored sequence numbers are not 0, 1, 2, … without a hole. */
    static long streamsWithGaps(Map<String, Expected> store) {
        return store.values().stream().filter(e -> e.sequenceGaps() != 0).count();
    }
}
