package io.duban.query.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over the event log.
 * <p>
 * <b>Canonical form, version 1</b> of one stored event (all integers big-endian):
 * <pre>
 *   field(x)   = int32 length of x, then x            (length -1 and no bytes for SQL NULL)
 *   long(n)    = field of the 8 bytes of n (two's complement)
 *   text(s)    = field of the UTF-8 bytes of s, exactly as stored
 *
 *   canonical  = text("duban.event-chain.v1")
 *                long(globalIndex) text(eventIdentifier) text(type = aggregate type)
 *                text(aggregateIdentifier) long(sequenceNumber) text(timeStamp as stored)
 *                text(payloadType) text(payloadRevision) field(payload bytes) field(metaData bytes)
 *
 *   hash_0     = 32 zero bytes
 *   hash_i     = SHA-256(canonical(event_i) || hash_{i-1})      over the events in globalIndex order
 * </pre>
 * Every field is length-prefixed, so no two different events have the same encoding; NULL and the empty value
 * differ. Hashes are exchanged as 64 lower-case hex digits.
 */
public final class EventChainHash {

    public static final String VERSION = "duban.event-chain.v1";
    public static final byte[] GENESIS = new byte[32];

    private EventChainHash() {
    }

    public static byte[] canonical(StoredEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(e.payload()) + length(e.metaData()));
        text(out, VERSION);
        number(out, e.globalIndex());
        text(out, e.eventIdentifier());
        text(out, e.aggregateType());
        text(out, e.aggregateIdentifier());
        number(out, e.sequenceNumber());
        text(out, e.timeStamp());
        text(out, e.payloadType());
        text(out, e.payloadRevision());
        field(out, e.payload());
        field(out, e.metaData());
        return out.toByteArray();
    }

    /** {@code SHA-256(canonical(event) || previous)}. */
    public static byte[] next(byte[] previous, StoredEvent event) {
        MessageDigest sha = sha256();
        sha.update(canonical(event));
        sha.update(previous);
        return sha.digest();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    public static byte[] unhex(String hash) {
        return HexFormat.of().parseHex(hash);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public static void number(ByteArrayOutputStream out, long value) {
        field(out, ByteBuffer.allocate(8).putLong(value).array());
    }

    static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
