package io.duban.query.api.inbox;

import io.duban.query.api.ActorRef;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.light.Light;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What waits for the office, read at one moment (lights and days counted on {@code today}, the business date). Every
 * list is oldest first, so what has waited longest comes first, and holds the rows the query asked for
 * ({@link FindOfficeInbox}'s offset and limit); {@code totals} says how many there are in all.
 *
 * @param deadlineChanges  pending deadline change requests (approve / reject)
 * @param completionClaims commitments claimed complete, awaiting verification (verify / send back)
 * @param majorIssues      open major issues (resolve)
 * @param escalations      open escalation cases that reached the office ({@value #OFFICE_LEVEL}; 催办)
 * @param lateReports      the current quarter's dispatch round and the units without their quarterly report (whole)
 * @param totals           the four lists' sizes in all
 * @param offset           the rows skipped at the head of each list
 */
public record OfficeInbox(LocalDate today, List<DeadlineChange> deadlineChanges, List<CompletionClaim> completionClaims,
                          List<MajorIssue> majorIssues, List<Escalation> escalations, LateReports lateReports,
                          Totals totals, int offset) {

    /** How many rows each list has in all, of which the answer holds a page. */
    public record Totals(int deadlineChanges, int completionClaims, int majorIssues, int escalations) {

        public int all() {
            return deadlineChanges + completionClaims + majorIssues + escalations;
        }

        /** The largest list: a page after {@code offset + limit} rows exists while this is larger. */
        public int largest() {
            return Math.max(Math.max(deadlineChanges, completionClaims), Math.max(majorIssues, escalations));
        }
    }

    /** The escalation level at which the leading-group office is alerted (1 overdue, 2 the unit's leader). */
    public static final int OFFICE_LEVEL = 3;

    /** Which commitment a row is about. */
    public record Subject(String commitmentId, String policyId, int itemNumber, String unitId, String unitName,
                          int progress, Light light) {
    }

    /**
     * @param milestoneTitle the milestone's title, or 最终完成期限 when the final due date is to change
     */
    public record DeadlineChange(Subject subject, String changeId, String milestoneId, String milestoneTitle,
                                 LocalDate currentDueDate, LocalDate requestedDueDate, String direction, String reason,
                                 ActorRef requestedBy, Instant requestedAt) {
    }

    /**
     * @param openMilestones milestones not completed (the office may want to see them before verifying)
     * @param evidence       the 佐证材料 the claim carried, what the office verifies
     * @param evidenceWaived the office had allowed the claim without evidence
     */
    public record CompletionClaim(Subject subject, String summary, ActorRef claimedBy, Instant claimedAt,
                                  int openMilestones, List<CommitmentView.EvidenceView> evidence,
                                  boolean evidenceWaived) {

        public CompletionClaim {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    public record MajorIssue(Subject subject, String issueId, String summary, String detail, ActorRef raisedBy,
                             Instant raisedAt) {
    }

    /**
     * @param key            the case's key: the milestone id, or {@code final} for the final due date
     * @param milestoneTitle the milestone's title, or 最终完成期限
     * @param urgeCount      how often the commitment was urged (催办) so far; {@code lastUrgedAt} the last time
     */
    public record Escalation(Subject subject, String key, String milestoneTitle, LocalDate dueDate, int level,
                             Instant levelSince, long calendarDaysOverdue, Integer workingDaysOverdue,
                             int urgeCount, Instant lastUrgedAt) {
    }

    /**
     * The current quarter's round as the office sees it from the inbox.
     *
     * @param status         {@code NOT_OPENED} (nobody opened the round yet), {@code OPEN} or {@code CLOSED}
     * @param reportDeadline null when not opened
     * @param deadlinePassed the report deadline lies before today: every unit listed is late
     * @param units          units with commitments of the round not reported yet, most missing first
     */
    public record LateReports(String roundId, String status, LocalDate reportDeadline, boolean deadlinePassed,
                              List<LateUnit> units) {

        public boolean opened() {
            return !"NOT_OPENED".equals(status);
        }
    }

    /** @param notReported the unit's commitments of the round without a quarterly report, in id order */
    public record LateUnit(String unitId, String unitName, List<String> notReported) {
    }
}
