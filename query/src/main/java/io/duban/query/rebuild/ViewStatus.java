package io.duban.query.rebuild;

/**
 * How far one view's processor has come.
 *
 * @param view            the view's short name, as in {@code ?view=}
 * @param processor       the processor (= processing group) name
 * @param collection      the MongoDB collection
 * @param running         the processor is running
 * @param error           a segment is in error (the processor retries it with back-off)
 * @param segments        segments in the token store
 * @param claimedSegments segments this node processes
 * @param caughtUp        every claimed segment has caught up with the stream
 * @param replaying       Axon's replay flag; informative only, it stays true after a reset until a new event arrives
 * @param tokenPosition   the lowest position of the claimed segments' tokens, null before the first event
 * @param headPosition    the position of the event store's newest event, null when there is none
 * @param upToDate        running, no error, all segments claimed and caught up, every token at the head, and a
 *                        rebuilt view's shadow swapped in
 * @param documentCount   documents in the collection
 * @param eventsDone      events of the store behind the processor's token (lowest claimed segment), counted from the
 *                        store's tail; approximate where the global index has gaps
 * @param eventsTotal     events in the store, counted the same way (head minus tail)
 * @param rebuildStartedAt when the last rebuild of this view started on this node, null if none since start-up
 * @param eventsPerSecond replay speed since that rebuild started (0 before any progress); for a finished rebuild the
 *                        average over the whole replay
 * @param estimatedEnd    when the rebuild should be up to date at that speed; once up to date, when it became so;
 *                        null when there is no rebuild or no progress yet
 * @param processorAtHead the processor has caught up with the head (during a rebuild: the shadow is complete)
 * @param writingTo       the collection the projection writes to: the view's own, or its shadow during a rebuild
 */
public record ViewStatus(String view, String processor, String collection, boolean running, boolean error,
                         int segments, int claimedSegments, boolean caughtUp, boolean replaying, Long tokenPosition,
                         Long headPosition, boolean upToDate, long documentCount, long eventsDone, long eventsTotal,
                         java.time.Instant rebuildStartedAt, double eventsPerSecond, java.time.Instant estimatedEnd,
                         boolean processorAtHead, String writingTo) {

    /** "1234/5000 events (24.7 %), 820.0 ev/s, estimated end …" for the log. */
    public String progress() {
        double percent = eventsTotal == 0 ? 100.0 : 100.0 * eventsDone / eventsTotal;
        return String.format(java.util.Locale.ROOT, "%d/%d events (%.1f %%), %.1f ev/s, %s %s", eventsDone, eventsTotal,
                percent, eventsPerSecond, upToDate ? "done at" : "estimated end", estimatedEnd);
    }
}
