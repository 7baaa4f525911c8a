package io.duban.query.api.commitment;

import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.evidence.EvidenceOccasion;
import io.duban.query.api.ActorRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A commitment as the {@code commitments} view holds it (see {@code CommitmentsProjection} for the document). */
public record CommitmentView(
        String commitmentId, String policyId, int itemNumber, String unitId, String unitName,
        Responsible responsible, String roadmap, LocalDate startDate, LocalDate dueDate,
        List<MilestoneView> milestones, int progress, int reportedProgress, String progressNote,
        Instant progressReportedAt,
        CommitmentStatus status,
        List<PendingDeadlineChange> pendingDeadlineChanges, List<DecidedDeadlineChange> decidedDeadlineChanges,
        List<OpenIssue> openIssues, int resolvedIssues,
        CompletionClaim completionClaim, Verification verification, int reopenCount, Reopen lastReopen,
        FinalDueDateOverdue finalDueDateOverdue, Instant lastAcknowledgedAt, ActorRef lastAcknowledgedBy,
        Instant registeredAt, ActorRef registeredBy, Instant lastUpdatedAt, ActorRef lastActor, String lastChannel,
        String lastMessageId, long lastSequence,
        List<EscalationView> escalations, int urgeCount, Instant lastUrgedAt, ActorRef lastUrgedBy,
        String lastUrgeMessage, List<EvidenceView> evidence, EvidenceWaiver evidenceWaiver) {

    public CommitmentView {
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * A file of 佐证材料 and what it came with, oldest first.
     *
     * @param milestoneId for a milestone completion, otherwise null
     */
    public record EvidenceView(String sha256, long size, String name, String contentType, EvidenceOccasion occasion,
                               String milestoneId, Instant attachedAt, ActorRef attachedBy) {
    }

    /** The office allowed a completion claim without 佐证材料. */
    public record EvidenceWaiver(String reason, ActorRef waivedBy, Instant waivedAt) {
    }

    /** The claim's own files (those attached since the claim), what the office verifies. */
    public List<EvidenceView> claimEvidence() {
        return evidence.stream().filter(e -> e.occasion() == EvidenceOccasion.COMPLETION_CLAIM
                && (completionClaim == null || !e.attachedAt().isBefore(completionClaim.claimedAt()))).toList();
    }

    public record Responsible(String name, String position) {
    }

    /**
     * @param overdue        a due date of the milestone passed unmet and it is neither completed nor re-dated since
     * @param overdueSince   when the last missed due date was recorded as passed (kept once closed)
     * @param overdueDueDate the last missed due date (kept once closed)
     */
    public record MilestoneView(String milestoneId, String title, LocalDate dueDate, boolean completed,
                                Instant completedAt, String note, boolean overdue, Instant overdueSince,
                                LocalDate overdueDueDate) {
    }

    /**
     * The final due date passed with the commitment not done.
     *
     * @param open     still so: neither re-dated nor verified since
     * @param closedBy what closed it, null while open
     */
    public record FinalDueDateOverdue(LocalDate dueDate, Instant since, boolean open, FinalOverdueClosedBy closedBy) {
    }

    /**
     * A case of the escalation ladder (see {@code CommitmentsProjection}); ended cases stay with {@code open=false}.
     *
     * @param key         "final" for the final due date, otherwise the milestone id
     * @param milestoneId null for the final due date
     * @param ladder      the working days overdue after which the case climbs to level 2, 3, … (as recorded at start)
     * @param level       1 = overdue alert, 2 = unit leader alerted, 3 = leading-group office alerted
     * @param since       when the case opened; {@code levelSince} when it reached its current level
     * @param paused      a progress report or acknowledgement stopped the climb at the current level
     */
    public record EscalationView(String key, String milestoneId, LocalDate dueDate, List<Integer> ladder, int level,
                                 Instant since, Instant levelSince, boolean open, boolean paused, Instant pausedAt,
                                 String pauseReason, Instant endedAt, String endReason) {

        public EscalationView {
            ladder = ladder == null ? List.of() : List.copyOf(ladder);
        }
    }

    /** The open escalation cases, in the order they opened. */
    public List<EscalationView> openEscalations() {
        return escalations.stream().filter(EscalationView::open).toList();
    }

    /** {@code direction}: EXTENSION (延期, a later date) or ADVANCE (提前, an earlier one). */
    public record PendingDeadlineChange(String changeId, String milestoneId, LocalDate currentDueDate,
                                        LocalDate requestedDueDate, String direction, String reason,
                                        ActorRef requestedBy, Instant requestedAt) {
    }

    /** {@code requestedDueDate} is what was asked, approved or not; {@code newDueDate} only when approved. */
    public record DecidedDeadlineChange(String changeId, String milestoneId, String decision,
                                        LocalDate previousDueDate, LocalDate newDueDate, LocalDate requestedDueDate,
                                        String direction, String comment, String reason, ActorRef decidedBy,
                                        Instant decidedAt) {
    }

    public record OpenIssue(String issueId, String summary, String detail, ActorRef raisedBy, Instant raisedAt) {
    }

    public record CompletionClaim(String summary, ActorRef claimedBy, Instant claimedAt) {
    }

    public record Verification(String comment, ActorRef verifiedBy, Instant verifiedAt) {
    }

    public record Reopen(String reason, ActorRef reopenedBy, Instant reopenedAt) {
    }
}
