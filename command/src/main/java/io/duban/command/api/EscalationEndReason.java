package io.duban.command.api;

/** Why an escalation case closed. */
public enum EscalationEndReason {
    /** The overdue milestone was completed. */
    MILESTONE_COMPLETED,
    /** The unit claimed completion of the commitment (ends the final due date's case). */
    COMPLETION_CLAIMED,
    /** The office approved a new due date for the milestone (or the final due date). */
    DEADLINE_CHANGED
}
