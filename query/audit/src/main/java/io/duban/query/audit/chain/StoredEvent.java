package io.duban.query.audit.chain;

/**
 * One row of Axon's {@code DomainEventEntry} exactly as stored: strings as the database returns them, payload and
 * metadata as their raw bytes. Nothing is deserialized, so the chain covers what is on disk, not what Axon makes of it.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                          long sequenceNumber, String timeStamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData) {

    /** The columns read, in this order, by {@link #read(java.sql.ResultSet)}. */
    public static final String COLUMNS = "globalIndex, eventIdentifier, type, aggregateIdentifier, sequenceNumber, "
            + "timeStamp, payloadType, payloadRevision, payload, metaData";

    public static StoredEvent read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
    }
}
