package io.duban.query.api.asof;

import io.duban.query.api.board.ItemBoardEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The item board as it stood at {@code at}: the same entries as {@code GET /api/items}, built from the events up to
 * {@code at} and judged with {@code day} as "today".
 *
 * @param policyId     the policy asked for (null: every policy)
 * @param at           the instant asked for
 * @param day          the business-zone date of {@code at}, "today" for the traffic lights
 * @param events       events replayed (timestamp ≤ {@code at})
 * @param lastEventAt  the timestamp of the newest event replayed, null when there was none
 * @param items        the board
 */
public record AsOfBoard(String policyId, Instant at, LocalDate day, long events, Instant lastEventAt,
                        List<ItemBoardEntry> items) {
}
