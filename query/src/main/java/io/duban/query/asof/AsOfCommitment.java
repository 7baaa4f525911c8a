package io.duban.query.asof;

import io.duban.query.api.board.CommitmentDetail;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One commitment as it stood at {@code at}: the same detail as {@code GET /api/commitments/{id}}, built from the
 * commitment's events up to {@code at} and judged with {@code day} as "today".
 *
 * @param at          the instant asked for
 * @param day         the business-zone date of {@code at}, "today" for the traffic light
 * @param events      events of the commitment replayed (timestamp ≤ {@code at})
 * @param lastEventAt the timestamp of the newest of them
 * @param commitment  the detail
 */
public record AsOfCommitment(Instant at, LocalDate day, long events, Instant lastEventAt, CommitmentDetail commitment) {
}
