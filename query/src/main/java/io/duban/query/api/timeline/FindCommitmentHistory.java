package io.duban.query.api.timeline;

/**
 * Everything that happened to one commitment, oldest first, from the {@code timeline} view: the edges' way to the
 * timeline (the view's own query type is the read side's). Answer: {@code List<HistoryEntry>}; a commitment without
 * any entry: a not-found failure (404 on the REST api).
 */
public record FindCommitmentHistory(String commitmentId) {
}
