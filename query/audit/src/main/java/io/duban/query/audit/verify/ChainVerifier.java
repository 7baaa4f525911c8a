package io.duban.query.audit.verify;

import io.duban.query.audit.chain.AuditTables;
import io.duban.query.audit.chain.EventChainHash;
import io.duban.query.audit.chain.EventChainer;
import io.duban.query.audit.chain.StoredEvent;
import io.duban.query.audit.digest.AuditKeys;
import io.duban.query.audit.digest.SignedDigest;
import io.duban.query.audit.verify.VerificationReport.DigestCheck;
import io.duban.query.audit.verify.VerificationReport.DigestStatus;
import io.duban.query.audit.verify.VerificationReport.Finding;
import io.duban.query.audit.verify.VerificationReport.Kind;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Recomputes the hash chain from {@code DomainEventEntry} alone, with plain JDBC, and compares it with the stored
 * chain ({@code duban_event_chain}) and with signed digests. Needs nothing from the running service: the command-line
 * mode ({@link AuditCli}) runs it with only a JDBC URL and the public key.
 * <p>
 * The stored chain locates the first bad event; it is written by the operators' service, though, so someone who can
 * rewrite the events can rewrite it too. What they cannot forge without the private key is a digest: a digest an
 * inspector saved earlier must still be reproduced by the log (same event count and head hash at its global index),
 * whatever the chain table says. The digests stored in the database are checked the same way.
 * <p>
 * Memory stays bounded: both tables are read in pages in global order and merged. Then every file of 佐证材料 is
 * checked against the hash its event recorded ({@link EvidenceFileCheck}).
 */
public final class ChainVerifier {

    private final PublicKey publicKey;

    public ChainVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    /** Verifies the log reachable through {@code connection}; {@code savedDigest} may be null. */
    public VerificationReport verify(Connection connection, SignedDigest savedDigest) throws SQLException {
        List<String> notes = new ArrayList<>();
        boolean chainTable = tableExists(connection, AuditTables.CHAIN);
        if (!chainTable) {
            notes.add("没有哈希链表 / no " + AuditTables.CHAIN + " table: nothing to compare the log with");
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (savedDigest != null) {
            addCheck(checkpoints, "saved", savedDigest, true);
        }
        if (tableExists(connection, AuditTables.DIGEST)) {
            for (SignedDigest stored : SignedDigest.stored(connection)) {
                addCheck(checkpoints, "stored", stored, false);
            }
        }
        checkpoints.sort(Comparator.comparingLong(c -> c.digest.globalIndex()));
        Deque<Checkpoint> pending = new ArrayDeque<>(checkpoints);

        long chainHeadIndex = chainTable ? EventChainer.head(connection).globalIndex() : 0;
        Pages<StoredEvent> events = new Pages<>(connection, "SELECT " + StoredEvent.COLUMNS
                + " FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex", StoredEvent::read,
                StoredEvent::globalIndex);
        Pages<ChainRow> chain = chainTable ? new Pages<>(connection, "SELECT global_index, event_count, "
                + "event_identifier, aggregate_identifier, sequence_number, chain_hash FROM " + AuditTables.CHAIN
                + " WHERE global_index > ? ORDER BY global_index", ChainRow::read, ChainRow::globalIndex) : null;

        byte[] hash = EventChainHash.GENESIS;
        long count = 0;
        long chained = 0;
        long tail = 0;
        long lastIndex = 0;
        Finding first = null;
        StoredEvent e = events.next();
        ChainRow c = chain == null ? null : chain.next();
        while (e != null || c != null) {
            if (c == null || (e != null && e.globalIndex() < c.globalIndex())) {
                settle(pending, e.globalIndex(), count, hash);
                if (first == null && e.globalIndex() <= chainHeadIndex) {
                    Long chainedAt = chainIndexOf(connection, chainTable, e.eventIdentifier());
                    first = chainedAt != null
                            ? new Finding(Kind.OUT_OF_ORDER, e.globalIndex(), e.aggregateIdentifier(),
                            e.sequenceNumber(), e.eventIdentifier(), String.format(
                            "此事件原在 globalIndex %d / this event was chained at globalIndex %d", chainedAt,
                            chainedAt))
                            : new Finding(Kind.INSERTED, e.globalIndex(), e.aggregateIdentifier(), e.sequenceNumber(),
                            e.eventIdentifier(), "链中没有此事件 / the chain never contained this event "
                            + "(type " + e.payloadType() + ")");
                } else if (e.globalIndex() > chainHeadIndex) {
                    tail++;
                }
                hash = EventChainHash.next(hash, e);
                count++;
                lastIndex = e.globalIndex();
                e = events.next();
            } else if (e == null || c.globalIndex() < e.globalIndex()) {
                if (first == null) {
                    Long nowAt = logIndexOf(connection, c.eventIdentifier());
                    first = nowAt != null
                            ? new Finding(Kind.OUT_OF_ORDER, c.globalIndex(), c.aggregateIdentifier(),
                            c.sequenceNumber(), c.eventIdentifier(), String.format(
                            "此事件已被移到 globalIndex %d / this event was moved to globalIndex %d", nowAt, nowAt))
                            : new Finding(Kind.MISSING, c.globalIndex(), c.aggregateIdentifier(), c.sequenceNumber(),
                            c.eventIdentifier(), "日志中已没有此事件 / the event is no longer in the log (deleted)");
                }
                chained++;
                c = chain.next();
            } else {
                settle(pending, e.globalIndex(), count, hash);
                hash = EventChainHash.next(hash, e);
                count++;
                if (first == null) {
                    first = compare(connection, e, c, hash);
                }
                lastIndex = e.globalIndex();
                e = events.next();
                chained++;
                c = chain.next();
            }
        }
        settle(pending, Long.MAX_VALUE, count, hash);
        if (tail > 0) {
            notes.add(tail + " 个最新事件尚未链接 / newest events not chained yet (the chain runs every few seconds)");
        }
        List<DigestCheck> results = checkpoints.stream().sorted(Comparator.comparingInt(cp -> cp.order))
                .map(Checkpoint::result).toList();
        EvidenceFileCheck.Result evidence = EvidenceFileCheck.check(connection);
        boolean clean = first == null && evidence.firstProblem() == null
                && results.stream().noneMatch(DigestCheck::failed);
        return new VerificationReport(clean, count, chained, tail, lastIndex, EventChainHash.hex(hash), first,
                results, notes, evidence.filesChecked(), evidence.firstProblem());
    }

    private Finding compare(Connection connection, StoredEvent e, ChainRow c, byte[] hash) throws SQLException {
        if (!e.eventIdentifier().equals(c.eventIdentifier())) {
            Long movedTo = logIndexOf(connection, c.eventIdentifier());
            if (movedTo != null) {
                return new Finding(Kind.OUT_OF_ORDER, e.globalIndex(), c.aggregateIdentifier(), c.sequenceNumber(),
                        c.eventIdentifier(), String.format("原在此位置的事件已被移到 globalIndex %d，此处现为事件 %s / "
                                + "the event chained here was moved to globalIndex %d; this index now holds %s",
                        movedTo, e.eventIdentifier(), movedTo, e.eventIdentifier()));
            }
            return new Finding(Kind.CHANGED, e.globalIndex(), c.aggregateIdentifier(), c.sequenceNumber(),
                    c.eventIdentifier(), "此位置的事件被替换为 / the event at this index was replaced by "
                    + e.eventIdentifier() + " (" + e.aggregateIdentifier() + " #" + e.sequenceNumber() + ")");
        }
        if (!EventChainHash.hex(hash).equals(c.hash().toLowerCase(Locale.ROOT))) {
            String where = !e.aggregateIdentifier().equals(c.aggregateIdentifier())
                    || e.sequenceNumber() != c.sequenceNumber()
                    ? String.format("聚合或序号被改 / aggregate or sequence changed (chained as %s #%d)",
                    c.aggregateIdentifier(), c.sequenceNumber())
                    : "内容（载荷、元数据、类型或时间）与链不符 / content (payload, metadata, type or time) "
                    + "differs from what was chained";
            return new Finding(Kind.CHANGED, e.globalIndex(), e.aggregateIdentifier(), e.sequenceNumber(),
                    e.eventIdentifier(), where);
        }
        return null;
    }

    private void addCheck(List<Checkpoint> checkpoints, String source, SignedDigest digest,
                          boolean saved) {
        int order = checkpoints.size();
        String keyId = AuditKeys.keyId(publicKey);
        if (!saved && !keyId.equals(digest.keyId())) {
            checkpoints.add(new Checkpoint(order, source, digest,
                    new DigestCheck(source, digest, DigestStatus.OTHER_KEY, "signed by key " + digest.keyId()
                            + ", not by the given key " + keyId)));
        } else if (!digest.signatureValid(publicKey)) {
            checkpoints.add(new Checkpoint(order, source, digest,
                    new DigestCheck(source, digest, DigestStatus.BAD_SIGNATURE,
                            "签名无效 / the signature does not verify with the public key " + keyId)));
        } else {
            checkpoints.add(new Checkpoint(order, source, digest, null));
        }
    }

    /** Compares every pending checkpoint below {@code nextIndex} with the recomputed state before that event. */
    private static void settle(Deque<Checkpoint> pending, long nextIndex, long count, byte[] hash) {
        while (!pending.isEmpty() && pending.peekFirst().digest.globalIndex() < nextIndex) {
            Checkpoint cp = pending.removeFirst();
            if (cp.result != null) {
                continue;
            }
            String recomputed = EventChainHash.hex(hash);
            boolean same = cp.digest.eventCount() == count && recomputed.equalsIgnoreCase(cp.digest.headHash());
            cp.result = new DigestCheck(cp.source, cp.digest, same ? DigestStatus.OK : DigestStatus.NOT_EXTENDED,
                    same ? "签名有效，日志仍延续此摘要 / signature valid, the log still extends this digest"
                            : String.format("日志不再延续此摘要 / the log no longer extends this digest: recomputed "
                            + "%d events, hash %s at globalIndex %d", count, recomputed, cp.digest.globalIndex()));
        }
    }

    private static final class Checkpoint {
        final int order;
        final String source;
        final SignedDigest digest;
        DigestCheck result;

        Checkpoint(int order, String source, SignedDigest digest, DigestCheck result) {
            this.order = order;
            this.source = source;
            this.digest = digest;
            this.result = result;
        }

        DigestCheck result() {
            return result;
        }
    }

    private static Long logIndexOf(Connection connection, String eventIdentifier) throws SQLException {
        return single(connection, "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?",
                eventIdentifier);
    }

    private static Long chainIndexOf(Connection connection, boolean chainTable, String eventIdentifier)
            throws SQLException {
        return chainTable ? single(connection, "SELECT global_index FROM " + AuditTables.CHAIN
                + " WHERE event_identifier = ?", eventIdentifier) : null;
    }

    private static Long single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
        String schema = connection.getSchema();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), schema, null,
                new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
        }
        return false;
    }

    record ChainRow(long globalIndex, long eventCount, String eventIdentifier, String aggregateIdentifier,
                    long sequenceNumber, String hash) {
        static ChainRow read(ResultSet rs) throws SQLException {
            return new ChainRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    rs.getString(6));
        }
    }
}
