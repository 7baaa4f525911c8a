package io.duban.query.board;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the commitment list ({@code GET /api/commitments}).
 *
 * @param maxListRows {@code duban.query.max-list-rows}: the most commitments one list request may read. Lights are
 *                    judged at read time, so every commitment a request reads is held in memory at once (by the
 *                    embedded wire server too); the office's overdue list over 100,000 commitments exhausted a
 *                    256 MiB heap. A broader request is answered 422 with a hint to narrow it by unit, policy or item.
 */
@ConfigurationProperties("duban.query")
public record ListLimits(@DefaultValue("5000") int maxListRows) {

    public ListLimits {
        if (maxListRows < 1) {
            throw new IllegalArgumentException("duban.query.max-list-rows must be at least 1, was " + maxListRows);
        }
    }

    public static ListLimits defaults() {
        return new ListLimits(5000);
    }
}
