package io.duban.query.api.audit;

/** Every published digest, oldest first. Answer: {@code List<AuditDigest>}. */
public record FindAuditDigests() {
}
