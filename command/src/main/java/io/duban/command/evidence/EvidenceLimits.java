package io.duban.command.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on 佐证材料 ({@code duban.evidence.*}).
 *
 * @param maxFileSize  per file (default 20 MB); the web layer's multipart limit is derived from it
 * @param maxFiles       per action (default 10)
 * @param maxRequestSize per request, all files together (default 60 MB): the web layer's bound
 */
@ConfigurationProperties("duban.evidence")
public record EvidenceLimits(DataSize maxFileSize, Integer maxFiles, DataSize maxRequestSize) {

    public EvidenceLimits {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
        maxFiles = maxFiles == null ? 10 : maxFiles;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(60) : maxRequestSize;
        if (maxFileSize.toBytes() <= 0 || maxFiles <= 0) {
            throw new IllegalArgumentException("duban.evidence.max-file-size and max-files must be positive");
        }
    }

    /** As the refusal messages say it: "20 MB". */
    public String maxFileSizeLabel() {
        return label(maxFileSize);
    }

    public String maxRequestSizeLabel() {
        return label(maxRequestSize);
    }

    private static String label(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
