package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import static io.duban.command.catalog.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyTextTest {

    @Test
    void windows_line_ends_bom_and_unicode_spaces_become_plain_lines() {
        // given
        String raw = "\uFEFF标题\r\n\u3000\u3000内政发〔2023〕1号\r\n\t1\u00A0号\r末行";

        // when
        PolicyText text = PolicyText.of(raw);

        // then
        assertThat(text.lines()).containsExactly("标题", "  内政发〔2023〕1号", "\t1 号", "末行");
    }

    @Test
    void null_empty_and_blank_texts_are_refused() {
        assertRefused(() -> PolicyText.of(null), "文件内容为空");
        assertRefused(() -> PolicyText.of(""), "文件内容为空");
        assertRefused(() -> PolicyText.of(" \r\n\t\u3000\uFEFF"), "文件内容为空");
    }

    @Test
    void a_text_of_exactly_the_size_limit_is_read() {
        // given
        String atLimit = "a".repeat(PolicyText.MAX_UTF8_BYTES);

        // when
        PolicyText text = PolicyText.of(atLimit);

        // then
        assertThat(text.lines()).hasSize(1);
    }

    @Test
    void a_text_over_2_mb_in_utf8_is_refused_even_with_fewer_characters() {
        // given: 3 bytes per character, so a third of the limit in characters is just over it in bytes
        String chinese = "字".repeat(PolicyText.MAX_UTF8_BYTES / 3 + 1);

        // then
        assertRefused(() -> PolicyText.of(chinese), "文件过大");
    }
}
