package io.duban.query.api.dispatch;

/** The digest of one dispatch round. */
public record FindDispatchDigest(String roundId) {
}
