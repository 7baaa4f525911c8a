package io.duban.query.audit.digest;

import io.duban.query.audit.chain.AuditTables;
import io.duban.query.audit.chain.ChainHead;
import io.duban.query.audit.chain.EventChainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Signs the chain's head and stores the digest in {@code duban_audit_digest}; reads them back for the API. */
public class DigestPublisher {

    private static final Logger log = LoggerFactory.getLogger(DigestPublisher.class);

    private final DataSource dataSource;
    private final EventChainer chainer;
    private final AuditKeys keys;
    private final Clock clock;

    public DigestPublisher(DataSource dataSource, EventChainer chainer, AuditKeys keys, Clock clock) {
        this.dataSource = dataSource;
        this.chainer = chainer;
        this.keys = keys;
        this.clock = clock;
    }

    /** Chains what is pending, then signs and stores the head. */
    public synchronized SignedDigest publish() {
        chainer.chainPending();
        SignedDigest digest = SignedDigest.sign(chainer.head(), clock.instant().toString(), keys);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + AuditTables.DIGEST
                     + " (global_index, event_count, head_hash, published_at, key_id, signature)"
                     + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, digest.globalIndex());
            insert.setLong(2, digest.eventCount());
            insert.setString(3, digest.headHash());
            insert.setString(4, digest.at());
            insert.setString(5, digest.keyId());
            insert.setString(6, digest.signature());
            insert.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the audit digest: " + e.getMessage(), e);
        }
        log.info("Published audit digest: globalIndex {}, {} events, head {}", digest.globalIndex(),
                digest.eventCount(), digest.headHash());
        return digest;
    }

    /** The scheduled pass: publishes only when the chain has moved since the latest digest. */
    public Optional<SignedDigest> publishIfChanged() {
        chainer.chainPending();
        ChainHead head = chainer.head();
        Optional<SignedDigest> latest = latest();
        if (latest.isPresent() && latest.get().globalIndex() == head.globalIndex()
                && latest.get().headHash().equals(head.hash()) && latest.get().keyId().equals(keys.keyId())) {
            return Optional.empty();
        }
        return Optional.of(publish());
    }

    public Optional<SignedDigest> latest() {
        List<SignedDigest> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every digest, oldest first. */
    public List<SignedDigest> all() {
        try (Connection connection = dataSource.getConnection()) {
            return SignedDigest.stored(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit digests: " + e.getMessage(), e);
        }
    }
}
