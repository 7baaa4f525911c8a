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
 * @param upToDate        running, no error, all segments claimed and caught up, and every token at the head
 * @param documentCount   documents in the collection
 */
public record ViewStatus(String view, String processor, String collection, boolean running, boolean error,
                         int segments, int claimedSegments, boolean caughtUp, boolean replaying, Long tokenPosition,
                         Long headPosition, boolean upToDate, long documentCount) {
}
