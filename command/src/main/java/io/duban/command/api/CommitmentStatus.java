package io.duban.command.api;

/**
 * Where a commitment stands: the aggregate decides with it, the read side shows it. The names are stored as they are
 * in the views ({@code status} of a commitment document), so they never change.
 */
public enum CommitmentStatus {
    /** Registered (or reopened) and being worked on. */
    OPEN,
    /** The unit claimed completion; the office has not verified it yet. */
    COMPLETION_CLAIMED,
    /** The office verified completion (办结); progress counts as 100. */
    VERIFIED
}
