package io.duban.query.api.audit;

import java.util.List;

/**
 * What the verifier found. {@code clean} only when the recomputed chain matches the stored one everywhere and every
 * checked digest is validly signed and still extended by the log.
 *
 * @param firstBadEvent the first bad event in global order, null when there is none
 * @param digests       the saved digest's check first (when one was given), then the stored digests'
 * @param notes         remarks such as the newest events not chained yet
 * @param evidenceFilesChecked files of 佐证材料 compared with the hashes their events recorded
 * @param firstBadEvidence     the first event whose file is missing or changed, null when there is none
 */
public record VerificationResult(boolean clean, long eventsChecked, long chainedEvents, long unchainedTail,
                                 long headIndex, String headHash, BadEvent firstBadEvent, List<DigestCheck> digests,
                                 List<String> notes, long evidenceFilesChecked, BadEvent firstBadEvidence) {

    public VerificationResult {
        digests = digests == null ? List.of() : List.copyOf(digests);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * @param kind CHANGED, MISSING, INSERTED, OUT_OF_ORDER, EVIDENCE_MISSING or EVIDENCE_CHANGED (the verifier's kinds)
     * @param detail the verifier's explanation (Chinese / English)
     */
    public record BadEvent(String kind, long globalIndex, String aggregateIdentifier, Long sequenceNumber,
                           String eventIdentifier, String detail) {
    }

    /**
     * @param source "saved" or "stored"
     * @param status OK, BAD_SIGNATURE, NOT_EXTENDED or OTHER_KEY
     */
    public record DigestCheck(String source, AuditDigest digest, String status, boolean failed, String detail) {
    }
}
