package io.duban.query.audit.verify;

import io.duban.query.audit.digest.SignedDigest;

import java.util.List;

/**
 * What the verifier found. {@code clean} is true only when the recomputed chain matches the stored chain everywhere
 * and every checked digest is validly signed and still extended by the log.
 *
 * @param eventsChecked       events read from {@code DomainEventEntry}
 * @param chainedEvents       rows read from {@code duban_event_chain}
 * @param unchainedTail       events after the chain's head, not chained yet (normal for the last seconds)
 * @param headIndex           global index of the last event in the log (0 when empty)
 * @param headHash            recomputed hash after the last event in the log
 * @param firstProblem        the first bad event in global order, or null
 * @param digests             the checks of the saved digest (first, when given) and of the digests stored in the
 *                            database
 * @param evidenceFilesChecked files of 佐证材料 compared with the hashes their events recorded
 * @param firstBadEvidence    the first event whose file is missing or changed, or null
 */
public record VerificationReport(boolean clean, long eventsChecked, long chainedEvents, long unchainedTail,
                                 long headIndex, String headHash, Finding firstProblem, List<DigestCheck> digests,
                                 List<String> notes, long evidenceFilesChecked, Finding firstBadEvidence) {

    public enum Kind {
        /** The event at this index is no longer what was chained (payload, metadata, type, id, sequence...). */
        CHANGED,
        /** The chain has an event at this index that the log no longer has. */
        MISSING,
        /** The log has an event at an index the chain covers but never chained. */
        INSERTED,
        /** An event that was chained at one index is now at another. */
        OUT_OF_ORDER,
        /** A file of 佐证材料 named by the event is no longer stored. */
        EVIDENCE_MISSING,
        /** A file of 佐证材料 named by the event is stored with other content than its recorded hash. */
        EVIDENCE_CHANGED
    }

    public record Finding(Kind kind, long globalIndex, String aggregateIdentifier, Long sequenceNumber,
                          String eventIdentifier, String detail) {
    }

    public enum DigestStatus {
        /** Signature valid, and the recomputed log at its global index has its event count and head hash. */
        OK,
        /** The signature does not verify with the public key: the digest was altered or signed by another key. */
        BAD_SIGNATURE,
        /** Validly signed, but the log no longer produces its head hash / event count: history was rewritten. */
        NOT_EXTENDED,
        /** A stored digest signed with another key than the one given (key rotation): not checked. */
        OTHER_KEY
    }

    public record DigestCheck(String source, SignedDigest digest, DigestStatus status, String detail) {
        public boolean failed() {
            return status == DigestStatus.BAD_SIGNATURE || status == DigestStatus.NOT_EXTENDED;
        }
    }

    /** A human-readable report, Chinese and English. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(clean ? "结果 / Result: 未发现篡改 / CLEAN\n" : "结果 / Result: 发现篡改 / TAMPERED\n");
        out.append(String.format("事件 / events: %d, 已链接 / chained: %d, 尚未链接 / not yet chained: %d%n",
                eventsChecked, chainedEvents, unchainedTail));
        out.append(String.format("末位 / head: globalIndex %d, hash %s%n", headIndex, headHash));
        if (firstProblem != null) {
            append(out, "第一个问题事件 / first bad event", firstProblem);
        }
        out.append(String.format("佐证材料 / evidence files checked: %d%n", evidenceFilesChecked));
        if (firstBadEvidence != null) {
            append(out, "第一个问题佐证材料 / first bad evidence file", firstBadEvidence);
        }
        for (DigestCheck check : digests) {
            out.append(String.format("摘要 / digest (%s) globalIndex %d, eventCount %d, at %s, key %s: %s — %s%n",
                    check.source(), check.digest().globalIndex(), check.digest().eventCount(), check.digest().at(),
                    check.digest().keyId(), check.status(), check.detail()));
        }
        for (String note : notes) {
            out.append("注 / note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String heading, Finding f) {
        out.append(String.format("%s: %s (%s)%n", heading, f.kind(), chinese(f.kind())));
        out.append(String.format("  globalIndex %d, 聚合 / aggregate %s, 序号 / sequence %s, 事件 / event %s%n",
                f.globalIndex(), f.aggregateIdentifier(), f.sequenceNumber(), f.eventIdentifier()));
        out.append("  ").append(f.detail()).append('\n');
    }

    private static String chinese(Kind kind) {
        return switch (kind) {
            case CHANGED -> "事件内容被修改";
            case MISSING -> "事件被删除";
            case INSERTED -> "事件被插入";
            case OUT_OF_ORDER -> "事件顺序被改动";
            case EVIDENCE_MISSING -> "佐证材料丢失";
            case EVIDENCE_CHANGED -> "佐证材料被篡改";
        };
    }
}
