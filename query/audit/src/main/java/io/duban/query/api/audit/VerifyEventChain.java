package io.duban.query.api.audit;

/**
 * Runs the chain verifier over the event log, as {@code POST /api/audit/verify} does. Reads only. Answer:
 * {@link VerificationResult}.
 *
 * @param savedDigest a digest saved earlier, checked first; null = only the chain and the stored digests
 */
public record VerifyEventChain(AuditDigest savedDigest) {
}
