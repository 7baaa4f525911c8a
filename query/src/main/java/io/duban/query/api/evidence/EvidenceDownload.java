package io.duban.query.api.evidence;

import io.duban.command.api.Actor;
import io.duban.command.api.Role;
import io.duban.command.api.evidence.EvidenceFile;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file of 佐证材料 as recorded by its event, with the bytes stored for it (the hash was checked on the way out).
 *
 * @param unitId the responsible unit of the commitment the file belongs to
 */
public record EvidenceDownload(String commitmentId, String unitId, EvidenceFile file, byte[] content) {

    /**
     * Who may download it: the office and inspectors, and the officials of the unit whose commitment it supports.
     * Other units see that a file exists (its name on the commitment) but not what it says: evidence may carry
     * internal figures and personal data.
     */
    public boolean readableBy(Actor reader) {
        return reader != null && (reader.role() == Role.OFFICE || reader.role() == Role.INSPECTOR
                || reader.actsFor(unitId));
    }

    /**
     * The response every download of evidence gets, REST and console: an attachment with {@code nosniff} and a
     * sandboxing policy, so a browser never renders an uploaded file inside Duban's origin.
     */
    public ResponseEntity<byte[]> asAttachment() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .eTag("\"" + file.sha256() + "\"")
                .body(content);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvidenceDownload d && commitmentId.equals(d.commitmentId) && file.equals(d.file)
                && Arrays.equals(content, d.content);
    }

    @Override
    public int hashCode() {
        return 31 * file.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "EvidenceDownload[" + commitmentId + ", " + file + "]";
    }
}
