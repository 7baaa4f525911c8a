package io.duban.query.api.asof;

import java.time.Instant;

/**
 * The item board as it stood at {@code at}, recomputed from the events up to it, as {@code GET /api/as-of/board}
 * answers. A date means the end of that business day: see the query side's {@code AsOfInstant}. Answer:
 * {@link AsOfBoard}; an instant before the first event, or before the policy's import: a not-found failure whose
 * Chinese detail says so.
 *
 * @param policyId null = every policy
 */
public record FindBoardAsOf(String policyId, Instant at) {

    public FindBoardAsOf {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
    }
}
