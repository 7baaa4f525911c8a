package io.duban.command.api.evidence;

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
}
