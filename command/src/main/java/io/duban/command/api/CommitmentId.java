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

    /** The policy of an id: policy and unit ids have no dots, so the last two dots separate the parts. */
    public static String policyOf(String commitmentId) {
        return commitmentId.substring(0, itemDot(commitmentId));
    }

    public static int itemOf(String commitmentId) {
        return Integer.parseInt(commitmentId.substring(itemDot(commitmentId) + 1, commitmentId.lastIndexOf('.')));
    }

    public static String unitOf(String commitmentId) {
        return commitmentId.substring(commitmentId.lastIndexOf('.') + 1);
    }

    private static int itemDot(String commitmentId) {
        return commitmentId.lastIndexOf('.', commitmentId.lastIndexOf('.') - 1);
    }
}
