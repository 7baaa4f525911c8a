package io.duban.command.commitment;

enum CommitmentStatus {
    OPEN,
    COMPLETION_CLAIMED,
    VERIFIED
}
