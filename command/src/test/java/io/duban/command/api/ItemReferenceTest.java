package io.duban.command.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemReferenceTest {

    @Test
    void an_item_of_the_default_policy_is_its_number_and_any_other_carries_its_policy() {
        assertThat(ItemReference.typed("nzf-2023-1", "nzf-2023-1", 31)).isEqualTo("#31");
        assertThat(ItemReference.typed("nzf-2023-1", "nmg-2024-7", 5)).isEqualTo("#nmg-2024-7/5");
        assertThat(ItemReference.typed(null, 31)).isEqualTo("#31");
        assertThat(ItemReference.label(31)).isEqualTo("第31项");
    }

    @Test
    void a_commitment_is_referred_to_by_its_item() {
        String id = CommitmentId.of("nmg-2024-7", 12, "uc88ba393");

        assertThat(ItemReference.ofCommitment("nzf-2023-1", id)).isEqualTo("#nmg-2024-7/12");
        assertThat(ItemReference.ofCommitment("nmg-2024-7", id)).isEqualTo("#12");
        assertThat(CommitmentId.policyOf(id)).isEqualTo("nmg-2024-7");
        assertThat(CommitmentId.itemOf(id)).isEqualTo(12);
        assertThat(CommitmentId.unitOf(id)).isEqualTo("uc88ba393");
    }
}
