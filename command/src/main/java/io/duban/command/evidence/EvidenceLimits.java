package io.duban.command.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on 佐证材料 ({@code duban.evidence.*}).
 *
 * @param maxFileSize  per file (default 20 MB); the web layer's multipart limit is derived from it
 * @param maxFiles     per action (default 10)
 */
@ConfigurationProperties("duban.evidence")
public record EvidenceLimits(DataSize maxFileSize, Integer maxFiles) {

    public EvidenceLimits {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
        maxFiles = maxFiles == null ? 10 : maxFiles;
        if (maxFileSize.toBytes() <= 0 || maxFiles <= 0) {
            throw new IllegalArgumentException("duban.evidence.max-file-size and max-files must be positive");
        }
    }

    /** Megabytes, as the refusal message says it. */
    String maxFileSizeLabel() {
        long bytes = maxFileSize.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
