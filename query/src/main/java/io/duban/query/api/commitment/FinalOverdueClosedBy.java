package io.duban.query.api.commitment;

/** What ended the open state of a final due date that had passed unmet. */
public enum FinalOverdueClosedBy {
    /** An approved deadline change gave the commitment a new final due date. */
    DEADLINE_CHANGED,
    /** The office verified completion (办结); reopening the commitment opens the record again. */
    VERIFIED
}
