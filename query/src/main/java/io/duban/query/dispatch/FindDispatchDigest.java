package io.duban.query.dispatch;

/** The digest of one dispatch round. */
public record FindDispatchDigest(String roundId) {
}
