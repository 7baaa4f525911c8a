package io.duban.query.api.dispatch;

/**
 * The digest of one dispatch round as the CSV file for Excel, exactly as {@code GET /api/dispatch-rounds/{id}/digest.csv}
 * serves it (one format, written on the read side). Answer: {@link DigestFile}.
 */
public record FindDispatchDigestCsv(String roundId) {
}
