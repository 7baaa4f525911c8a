package io.duban.harness.drill;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the event store and the token store with plain JDBC, as the drill's independent witness (not through the
 * application under test). Works on PostgreSQL while nodes run, and on the embedded H2 file once its node stopped.
 */
final class StoreReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored event of the Commitment aggregate with its payload. */
    record Event(String eventId, String commitmentId, long sequence, String payloadType, JsonNode payload,
                 long globalIndex) {

        String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }

        Convergence.Stored stored() {
            Integer percent = Convergence.PROGRESS_REPORTED.equals(payloadType) && payload.has("percent")
                    ? payload.get("percent").asInt() : null;
            return new Convergence.Stored(commitmentId, sequence, payloadType, percent);
        }

        String note() {
            JsonNode note = payload.get("note");
            return note == null || note.isNull() ? null : note.asText();
        }
    }

    /**
     * One row of Axon's token store.
     *
     * @param position the token's global index (the highest event the segment has handled), -1 before the first
     */
    record Token(String processor, int segment, String owner, long position) {
    }

    private final Connection connection;

    private StoreReader(Connection connection) {
        this.connection = connection;
    }

    static StoreReader open(String jdbcUrl) throws SQLException {
        return new StoreReader(DriverManager.getConnection(jdbcUrl));
    }

    /** Every event of every commitment, in global order. */
    List<Event> commitmentEvents() throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT eventIdentifier, aggregateIdentifier, "
                + "sequenceNumber, payloadType, payload, globalIndex FROM DomainEventEntry WHERE type = 'Commitment' ORDER BY globalIndex");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                events.add(new Event(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        json(rs.getBytes(5)), rs.getLong(6)));
            }
        }
        return events;
    }

    /** The global index of the newest event, -1 for an empty store. */
    long head() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            long head = rs.getLong(1);
            return rs.wasNull() ? -1 : head;
        }
    }

    /** Every token, by processor and segment. */
    List<Token> tokens() throws SQLException {
        List<Token> tokens = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT processorName, segment, owner, token FROM TokenEntry "
                     + "ORDER BY processorName, segment")) {
            while (rs.next()) {
                tokens.add(new Token(rs.getString(1), rs.getInt(2), rs.getString(3), position(rs.getBytes(4))));
            }
        }
        return tokens;
    }

    /** Events per payload type (simple name) of the commitments. */
    static Map<String, Long> countByType(List<Event> events) {
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(e.simpleType(), 1L, Long::sum));
        return counts;
    }

    /**
     * The highest global index a token has handled. The JDBC store's tokens are GapAwareTrackingTokens
     * ({@code {"index":…,"gaps":[…]}}); during a replay they are wrapped ({@code currentToken}).
     */
    static long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        JsonNode node = json(token);
        while (node != null && !node.has("index") && node.has("currentToken")) {
            node = node.get("currentToken");
        }
        return node != null && node.has("index") ? node.get("index").asLong() : -1;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON in the store: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
