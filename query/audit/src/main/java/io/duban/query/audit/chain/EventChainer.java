package io.duban.query.audit.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Appends the events stored since the last pass to {@code duban_event_chain}, in {@code globalIndex} order, with
 * plain JDBC (no Axon processor: the chain must cover the rows as stored, and a processor reset must not touch it).
 * <p>
 * <b>Gaps.</b> The global index comes from an identity column, so a transaction still in flight can commit later with
 * a lower index than events already visible (that is why Axon hands out gap-aware tracking tokens); a failed insert
 * leaves a gap for ever. A pass therefore never chains past a missing index until this chainer has seen the gap for
 * {@code gapTimeout}: then it is taken to be permanent. An event committing into a gap after that would not be in the
 * chain and the verifier would report it as inserted; Axon's own processors give up on a gap after their gap timeout
 * (60 s) as well, so the default is the same.
 * <p>
 * Several nodes may run it at once: the primary key on {@code global_index} lets only one of them append a given
 * event; the other's transaction fails and its next pass starts from the new head.
 */
public class EventChainer {

    private static final Logger log = LoggerFactory.getLogger(EventChainer.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration gapTimeout;
    private final int batchSize;
    /** The first missing index of the gap currently blocking the chain, and when this chainer first saw it. */
    private long gapAt = -1;
    private Instant gapSeenSince;

    public EventChainer(DataSource dataSource, Clock clock, Duration gapTimeout, int batchSize) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.batchSize = batchSize;
    }

    /** Chains everything that can be chained now; returns the number of events appended. */
    public synchronized int chainPending() {
        int total = 0;
        while (true) {
            int appended = chainBatch();
            total += appended;
            if (appended < batchSize) {
                return total;
            }
        }
    }

    public ChainHead head() {
        try (Connection connection = dataSource.getConnection()) {
            return head(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event chain: " + e.getMessage(), e);
        }
    }

    public static ChainHead head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, event_count, chain_hash FROM "
                + AuditTables.CHAIN + " ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? new ChainHead(rs.getLong(1), rs.getLong(2), rs.getString(3)) : ChainHead.EMPTY;
        }
    }

    private int chainBatch() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int appended = append(connection);
                connection.commit();
                return appended;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            // e.g. another node appended the same events first: the next pass continues from its head
            log.warn("Event chain pass failed, retried on the next pass: {}", e.getMessage());
            return 0;
        }
    }

    private int append(Connection connection) throws SQLException {
        ChainHead head = head(connection);
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex FETCH FIRST " + batchSize
                + " ROWS ONLY")) {
            select.setLong(1, head.globalIndex());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(StoredEvent.read(rs));
                }
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        String now = clock.instant().toString();
        byte[] hash = EventChainHash.unhex(head.hash());
        long previous = head.globalIndex();
        long count = head.eventCount();
        int appended = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + AuditTables.CHAIN
                + " (global_index, event_count, event_identifier, aggregate_identifier, sequence_number, chain_hash,"
                + " chained_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (StoredEvent event : events) {
                if (event.globalIndex() != previous + 1 && !gapIsOld(previous + 1)) {
                    break;
                }
                hash = EventChainHash.next(hash, event);
                count++;
                insert.setLong(1, event.globalIndex());
                insert.setLong(2, count);
                insert.setString(3, event.eventIdentifier());
                insert.setString(4, event.aggregateIdentifier());
                insert.setLong(5, event.sequenceNumber());
                insert.setString(6, EventChainHash.hex(hash));
                insert.setString(7, now);
                insert.addBatch();
                previous = event.globalIndex();
                appended++;
            }
            if (appended > 0) {
                insert.executeBatch();
            }
        }
        return appended;
    }

    /** Whether the gap starting at {@code missing} has been seen for at least the gap timeout. */
    private boolean gapIsOld(long missing) {
        Instant now = clock.instant();
        if (gapAt != missing) {
            gapAt = missing;
            gapSeenSince = now;
        }
        boolean old = !now.isBefore(gapSeenSince.plus(gapTimeout));
        if (old) {
            log.info("Event chain skips the gap in the global index before {} (seen for {})", missing,
                    Duration.between(gapSeenSince, now));
        }
        return old;
    }
}
