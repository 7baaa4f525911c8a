package io.duban.console.overview;

import io.duban.query.api.board.BoardSummary;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.light.LightColor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The overdue and due-soon lists, from every commitment's light as the item board judged it.
 *
 * @param overdue     the most overdue commitments, at most {@link #TOP}
 * @param overdueAll  how many commitments are overdue in all
 * @param dueSoon     commitments whose next due date falls within {@code dueSoonDays}, soonest first
 * @param dueSoonAll  how many there are in all
 */
public record DueLists(int dueSoonDays, List<Row> overdue, int overdueAll, List<Row> dueSoon, int dueSoonAll) {

    /** Rows per list on the page. */
    static final int TOP = 10;

    /**
     * A commitment in a list.
     *
     * @param due    the date that makes it overdue or due soon (the earliest open milestone or the final date)
     * @param days   days past (overdue) or left (due soon)
     * @param reason the light's first reason (Chinese, from the query side)
     */
    public record Row(String commitmentId, String policyId, int itemNumber, String unitName, int progress,
               LocalDate due, long days, String reason) {
    }

    /** From the board summary, which lists the first {@link #TOP} of each in MongoDB (the same rules as below). */
    static DueLists of(BoardSummary summary) {
        LocalDate today = summary.today();
        return new DueLists(summary.dueSoonDays(), summary.overdue().stream().map(c -> row(c, today, true)).toList(),
                summary.overdueAll(), summary.dueSoon().stream().map(c -> row(c, today, false)).toList(),
                summary.dueSoonAll());
    }

    private static Row row(CommitmentSummary c, LocalDate today, boolean overdue) {
        LocalDate due = c.dueDate();
        if (c.nextMilestone() != null && c.nextMilestone().dueDate() != null
                && (due == null || c.nextMilestone().dueDate().isBefore(due))) {
            due = c.nextMilestone().dueDate();
        }
        long days = due == null ? 0 : Math.abs(ChronoUnit.DAYS.between(today, due));
        String reason = c.light().reasons().isEmpty() ? "" : c.light().reasons().get(0);
        return new Row(c.commitmentId(), c.policyId(), c.itemNumber(), c.unitName(), c.progress(), due,
                overdue && due != null && !due.isBefore(today) ? 0 : days, reason);
    }
}
