package io.duban.command.api.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file of 佐证材料 as its event records it. The bytes are not in the event: they are kept by {@link EvidenceStorage}
 * under their SHA-256, so the event says exactly which content was submitted and the chain verifier can prove the
 * stored file is still that content.
 *
 * @param sha256      lower-case hex SHA-256 of the content; also its key in the storage
 * @param size        bytes
 * @param name        the file name as uploaded, without any path
 * @param contentType the type found by reading the content (not the name), e.g. {@code application/pdf}
 */
public record EvidenceFile(String sha256, long size, String name, String contentType) {

    /** The lower-case hex SHA-256 of some content: how files are named in events and storage, and re-checked. */
    public static String sha256Of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether the content is what this record names (same hash and size). */
    public boolean matches(byte[] content) {
        return content.length == size && sha256Of(content).equals(sha256);
    }
}
