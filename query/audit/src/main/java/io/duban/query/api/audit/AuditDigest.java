package io.duban.query.api.audit;

/**
 * A signed digest of the event log, field for field what {@code GET /api/audit/digests} serves: what an inspector
 * saves (as JSON) and later checks the log against.
 */
public record AuditDigest(long globalIndex, long eventCount, String headHash, String at, String keyId,
                          String signature) {
}
