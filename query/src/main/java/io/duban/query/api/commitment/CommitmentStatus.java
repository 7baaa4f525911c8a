package io.duban.query.api.commitment;

/** Where a commitment stands, as the read side derives it from the events. */
public enum CommitmentStatus {
    /** Registered (or reopened) and being worked on. */
    OPEN,
    /** The unit claimed completion; the office has not verified it yet. */
    COMPLETION_CLAIMED,
    /** The office verified completion (办结); progress counts as 100. */
    VERIFIED
}
