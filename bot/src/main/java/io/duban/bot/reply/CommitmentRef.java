package io.duban.bot.reply;

import io.duban.command.api.ItemReference;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an official names a commitment in a reply: the item number (序号) of the policy's appendix table, exactly as
 * the alert shows it, optionally prefixed with the policy id when the item belongs to a policy other than the
 * deployment's default one.
 *
 * <p>Accepted spellings (after full-width characters are folded to ASCII):
 * <ul>
 *   <li>{@code #31}, {@code # 31}, {@code #31号} — what the alerts tell people to type;</li>
 *   <li>{@code 31号}, {@code 第31项}, {@code 第31号} — how people say it anyway;</li>
 *   <li>{@code #nzf-2023-1/31} — item 31 of policy {@code nzf-2023-1} (policy ids are the office's lowercase slugs).</li>
 * </ul>
 * Why only the item number: it is short enough to type on a phone, it is printed in the policy itself, and it is the
 * same for every unit sharing an item. The bot resolves it later against the commitments of the sender's own units,
 * so {@code #31} from the agriculture bureau and from the finance bureau reach their own commitment. Forms like
 * {@code #31-2} are refused rather than guessed at.
 *
 * @param policyId   the policy slug, or {@code null} for the default policy
 * @param itemNumber the item number, 1–9999
 */
public record CommitmentRef(String policyId, int itemNumber) {

    /** Same rule as the office uses when importing a policy. */
    static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

    public static final int MAX_ITEM_NUMBER = 9999;

    public CommitmentRef {
        if (itemNumber < 1 || itemNumber > MAX_ITEM_NUMBER) {
            throw new IllegalArgumentException("item number out of range: " + itemNumber);
        }
        if (policyId != null && !POLICY_ID.matcher(policyId).matches()) {
            throw new IllegalArgumentException("not a policy id: " + policyId);
        }
    }

    public static CommitmentRef item(int itemNumber) {
        return new CommitmentRef(null, itemNumber);
    }

    public static CommitmentRef of(String policyId, int itemNumber) {
        return new CommitmentRef(Objects.requireNonNull(policyId, "policyId"), itemNumber);
    }

    public boolean isDefaultPolicy() {
        return policyId == null;
    }

    /** The form to show back to the official, the same one they would type. */
    public String display() {
        return ItemReference.typed(policyId, itemNumber);
    }
}
