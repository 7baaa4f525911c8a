package io.duban.query.api.board;

import io.duban.query.api.catalog.ItemView;

import java.time.LocalDate;
import java.util.List;

/**
 * Answer to {@link FindBoardSummary}.
 *
 * @param overdue     red today, the earliest missed date first (the earlier of the final due date and the earliest
 *                    open milestone's), at most the length asked for
 * @param overdueAll  how many are red
 * @param dueSoon     yellow today with that date within {@code dueSoonDays}, soonest first
 * @param dueSoonAll  how many of those
 * @param items       every item of every policy, in catalogue order, with its commitments' count and progress
 * @param units       every unit with its lights today, as {@link FindUnits} answers
 */
public record BoardSummary(LocalDate today, int dueSoonDays, List<CommitmentSummary> overdue, int overdueAll,
                           List<CommitmentSummary> dueSoon, int dueSoonAll, List<ItemTotal> items,
                           List<UnitSummary> units) {

    /**
     * @param progressSum the sum of the commitments' shown progress (100 once verified)
     */
    public record ItemTotal(ItemView item, int commitments, int progressSum) {
    }
}
