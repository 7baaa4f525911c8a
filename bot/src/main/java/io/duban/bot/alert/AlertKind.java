package io.duban.bot.alert;

/** Why a DingTalk message goes out, and to whom. */
public enum AlertKind {
    /** A milestone (or the final due date) passed unmet: the unit's officials, 1:1. */
    OVERDUE(Audience.UNIT_OFFICIALS),
    /** The office approved a deadline change: the unit's officials. */
    DEADLINE_APPROVED(Audience.UNIT_OFFICIALS),
    /** The office rejected a deadline change: the unit's officials. */
    DEADLINE_REJECTED(Audience.UNIT_OFFICIALS),
    /** The office sent a completion back: the unit's officials. */
    COMPLETION_SENT_BACK(Audience.UNIT_OFFICIALS),
    /** A major issue was raised: the office group at once (art. 24). */
    MAJOR_ISSUE(Audience.OFFICE_GROUP),
    /** A quarterly dispatch round opened: each unit's officials, one message listing the unit's items. */
    QUARTERLY_REPORT_REQUESTED(Audience.UNIT_OFFICIALS),
    /** The round's report deadline passed: the officials of each unit that has not reported. */
    QUARTERLY_REPORT_OVERDUE(Audience.UNIT_OFFICIALS),
    /** The round closed: the office group gets the digest's summary and the link to the full page. */
    QUARTERLY_DIGEST(Audience.OFFICE_GROUP),
    /** A due date is a few working days away (DueDateApproaching): the unit's officials. */
    DUE_SOON(Audience.UNIT_OFFICIALS),
    /** Escalation level 2: the unit's leaders. */
    ESCALATED_TO_LEADER(Audience.UNIT_LEADERS),
    /** Escalation level 3: the office group; the case is on the office's escalation list. */
    ESCALATED_TO_OFFICE(Audience.OFFICE_GROUP),
    /** The office urged the commitment (催办): the unit's officials. */
    URGED(Audience.UNIT_OFFICIALS);

    public enum Audience {
        UNIT_OFFICIALS,
        OFFICE_GROUP,
        UNIT_LEADERS
    }

    private final Audience audience;

    AlertKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }
}
