package io.duban.command.api;

/** A person's standing in the directory of officials (DingTalk users). */
public enum OfficialRole {
    /** A unit's official: answers for the unit's commitments. */
    OFFICIAL,
    /** The head of a unit: also receives the second step of the escalation ladder. */
    UNIT_LEADER,
    /** The leading-group office. */
    OFFICE,
    /** Read-only audit. */
    INSPECTOR;

    /** The role a person acts in when their reply becomes a command. */
    public Role actingRole() {
        return switch (this) {
            case OFFICIAL, UNIT_LEADER -> Role.UNIT;
            case OFFICE -> Role.OFFICE;
            case INSPECTOR -> Role.INSPECTOR;
        };
    }
}
