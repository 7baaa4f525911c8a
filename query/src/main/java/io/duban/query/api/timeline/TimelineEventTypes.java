package io.duban.query.api.timeline;

import java.util.List;

/** The event types the timeline records, by their simple class names, in the order of a commitment's life. */
public final class TimelineEventTypes {

    public static final List<String> NAMES = List.of("PolicyImported", "CommitmentRegistered", "ProgressReported",
            "MilestoneCompleted", "DeadlineChangeRequested", "DeadlineChangeApproved", "DeadlineChangeRejected",
            "MajorIssueRaised", "MajorIssueResolved", "CompletionClaimed", "CompletionVerified", "CommitmentReopened",
            "EvidenceAttached", "CompletionEvidenceWaived",
            "MilestoneBecameOverdue", "DueDateApproaching", "EscalationStarted", "EscalationRaised", "EscalationPaused",
            "EscalationEnded", "CommitmentUrged", "AlertAcknowledged", "OfficialAppointed", "OfficialRemoved");

    private TimelineEventTypes() {
    }
}
