package io.duban.command.api;

/**
 * The one way a support item is named to people: {@code #31} for an item of the deployment's default policy,
 * {@code #nzf-2023-1/31} for an item of another one (what officials type back in DingTalk), and {@code 第31项} in
 * documents. The bot's alerts and answers, the reply grammar and the read side's documents all word it here, so what
 * an alert tells people to type is always what the grammar reads.
 */
public final class ItemReference {

    private ItemReference() {
    }

    /** {@code #31}, or {@code #policy/31} when {@code policyId} is given (null: the default policy). */
    public static String typed(String policyId, int itemNumber) {
        return policyId == null ? "#" + itemNumber : "#" + policyId + "/" + itemNumber;
    }

    /** The reference to type for an item of {@code policyId}, short when it is the default policy. */
    public static String typed(String defaultPolicyId, String policyId, int itemNumber) {
        return typed(policyId.equals(defaultPolicyId) ? null : policyId, itemNumber);
    }

    /** The reference to type for a commitment ({@link CommitmentId}: policy, item, unit). */
    public static String ofCommitment(String defaultPolicyId, String commitmentId) {
        return typed(defaultPolicyId, CommitmentId.policyOf(commitmentId), CommitmentId.itemOf(commitmentId));
    }

    /** {@code 第31项}: the item as documents and messages name it in a sentence. */
    public static String label(int itemNumber) {
        return "第" + itemNumber + "项";
    }
}
