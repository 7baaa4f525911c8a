package io.duban.query.api.export;

/**
 * An audit trail export, the same document as {@code GET /api/audit/trail.csv|.jsonl|.html}: of one commitment,
 * one unit or one quarter ({@code 2026-Q4}) — exactly one of them. Answer: {@link TrailDocument}; a bad or missing
 * subject: a bad-parameter failure with a Chinese detail.
 */
public record FindTrailDocument(Format format, String commitmentId, String unitId, String quarter) {

    public enum Format {
        CSV, JSON_LINES, HTML
    }

    public FindTrailDocument {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
    }
}
