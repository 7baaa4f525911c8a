package io.duban.command.api;

/** Why an escalation stopped climbing. */
public enum EscalationPauseReason {
    PROGRESS_REPORTED,
    ALERT_ACKNOWLEDGED
}
