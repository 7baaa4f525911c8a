package io.duban.query.api.audit;

import java.time.Instant;

/**
 * One page of the inspectors' read log, newest first. Answer: {@link AuditReadPage}.
 *
 * @param userId null = everyone
 * @param from   inclusive, null = since the beginning
 * @param to     exclusive, null = up to now
 * @param page   0-based
 * @param size   rows per page, 1 to {@value #MAX_SIZE}
 */
public record FindAuditReads(String userId, Instant from, Instant to, int page, int size) {

    public static final int MAX_SIZE = 200;

    public FindAuditReads {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + MAX_SIZE);
        }
    }
}
