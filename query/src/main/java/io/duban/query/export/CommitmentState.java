package io.duban.query.export;


import io.duban.command.api.CommitmentStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A commitment as it stood right after one step of its timeline.
 *
 * @param progress           the last reported percent (0 after the registration)
 * @param dueDate            the final due date in force
 * @param milestoneDueDates  milestone id to its due date in force, in registration order
 * @param milestonesDone     milestones completed so far
 * @param escalationLevel    the highest level of the open escalation cases, 0 when none is open
 * @param openIssues         major issues raised and not resolved
 * @param complete           false when an entry up to here lacked the facts to fold (written before facts were
 *                           recorded: rebuild the timeline view)
 */
public record CommitmentState(int progress, CommitmentStatus status, LocalDate dueDate,
                              Map<String, LocalDate> milestoneDueDates, Set<String> milestonesDone,
                              int escalationLevel, int openIssues, boolean complete) {
}
