package io.duban.query.api.dispatch;

/**
 * A digest rendered as a file.
 *
 * @param filename what a download is saved as, e.g. {@code dispatch-2026-Q4.csv}
 * @param text     the whole file (for CSV: UTF-8 with its byte-order mark, so Excel reads the Chinese)
 */
public record DigestFile(String filename, String text) {
}
