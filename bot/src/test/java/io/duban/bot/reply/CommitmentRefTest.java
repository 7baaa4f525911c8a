package io.duban.bot.reply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitmentRefTest {

    @Test
    void displays_the_form_an_official_types() {
        assertThat(CommitmentRef.item(31).display()).isEqualTo("#31");
        assertThat(CommitmentRef.of("nzf-2023-1", 31).display()).isEqualTo("#nzf-2023-1/31");
        assertThat(CommitmentRef.item(31).isDefaultPolicy()).isTrue();
    }

    @Test
    void refuses_impossible_references() {
        assertThatThrownBy(() -> CommitmentRef.item(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitmentRef.item(10_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitmentRef.of("NZF", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
