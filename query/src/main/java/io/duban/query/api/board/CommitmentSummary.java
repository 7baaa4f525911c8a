package io.duban.query.api.board;

import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.api.light.Light;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A commitment as a board row: where it stands and its light.
 *
 * @param progress      effective progress (100 once verified)
 * @param nextMilestone the earliest uncompleted milestone, or null
 */
public record CommitmentSummary(String commitmentId, String policyId, int itemNumber, String unitId, String unitName,
                                CommitmentStatus status, int progress, LocalDate startDate, LocalDate dueDate,
                                MilestoneView nextMilestone, int openIssues, int pendingDeadlineChanges,
                                Instant lastUpdatedAt, Light light) {

    public static CommitmentSummary of(CommitmentView c, Light light) {
        MilestoneView next = c.milestones().stream()
                .filter(m -> !m.completed())
                .min(Comparator.comparing(MilestoneView::dueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(null);
        return new CommitmentSummary(c.commitmentId(), c.policyId(), c.itemNumber(), c.unitId(), c.unitName(),
                c.status(), c.progress(), c.startDate(), c.dueDate(), next, c.openIssues().size(),
                c.pendingDeadlineChanges().size(), c.lastUpdatedAt(), light);
    }
}
