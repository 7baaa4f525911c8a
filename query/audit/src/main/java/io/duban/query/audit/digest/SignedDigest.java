package io.duban.query.audit.digest;

import io.duban.query.audit.chain.AuditTables;
import io.duban.query.audit.chain.ChainHead;
import io.duban.query.audit.chain.EventChainHash;

import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A signed statement that the log, up to and including {@code globalIndex}, holds {@code eventCount} events whose
 * chain ends in {@code headHash}. What an inspector saves and later checks the log against.
 * <p>
 * Signed bytes, in the encoding of {@link EventChainHash} (length-prefixed fields):
 * {@code text("duban.audit-digest.v1") long(globalIndex) long(eventCount) text(headHash) text(at) text(keyId)};
 * {@code signature} is the base64 Ed25519 signature over them.
 */
public record SignedDigest(long globalIndex, long eventCount, String headHash, String at, String keyId,
                           String signature) {

    public static final String VERSION = "duban.audit-digest.v1";

    public static SignedDigest sign(ChainHead head, String at, AuditKeys keys) {
        byte[] message = message(head.globalIndex(), head.eventCount(), head.hash(), at, keys.keyId());
        return new SignedDigest(head.globalIndex(), head.eventCount(), head.hash(), at, keys.keyId(),
                Base64.getEncoder().encodeToString(keys.sign(message)));
    }

    /** Whether the signature is valid for these fields under {@code key}. */
    public boolean signatureValid(PublicKey key) {
        if (signature == null || headHash == null || at == null || keyId == null) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return AuditKeys.verify(key, message(globalIndex, eventCount, headHash, at, keyId), signatureBytes);
    }

    static byte[] message(long globalIndex, long eventCount, String headHash, String at, String keyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventChainHash.text(out, VERSION);
        EventChainHash.number(out, globalIndex);
        EventChainHash.number(out, eventCount);
        EventChainHash.text(out, headHash);
        EventChainHash.text(out, at);
        EventChainHash.text(out, keyId);
        return out.toByteArray();
    }

    /** The digests published so far, oldest first. */
    public static List<SignedDigest> stored(Connection connection) throws SQLException {
        List<SignedDigest> digests = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, event_count, head_hash, "
                + "published_at, key_id, signature FROM " + AuditTables.DIGEST + " ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                digests.add(new SignedDigest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        return digests;
    }
}
