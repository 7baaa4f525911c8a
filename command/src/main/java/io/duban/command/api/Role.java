package io.duban.command.api;

/** What a person may do in Duban. */
public enum Role {
    /** An official of one or more responsible units: acts only on those units' commitments. */
    UNIT,
    /** The leading-group office (领导小组办公室): approves, rejects, verifies, reopens, imports policies. */
    OFFICE,
    /** Read-only audit. */
    INSPECTOR,
    /** Operations: the service's health and metrics (/actuator), none of its business data. */
    OPERATOR
}
