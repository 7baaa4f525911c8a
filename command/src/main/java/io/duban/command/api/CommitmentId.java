package io.duban.command.api;

/**
 * Commitment ids are derived from (policy, item, unit), so a second registration for the same pair collides in the
 * event store even when two nodes race.
 */
public final class CommitmentId {

    private CommitmentId() {
    }

    public static String of(String policyId, int itemNumber, String unitId) {
        return policyId + "." + itemNumber + "." + unitId;
    }
}
