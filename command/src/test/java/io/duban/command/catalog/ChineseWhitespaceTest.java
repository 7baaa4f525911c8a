package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseWhitespaceTest {

    @Test
    void collapse_removes_layout_whitespace_between_chinese_characters() {
        // given
        String wrapped = "加快建设 S43机场\n高速公路\t等项目";

        // when
        String collapsed = ChineseWhitespace.collapse(wrapped);

        // then
        assertThat(collapsed).isEqualTo("加快建设S43机场高速公路等项目");
    }

    @Test
    void collapse_keeps_one_space_between_two_ascii_words() {
        // given
        String text = "部署 Wi   Fi\n6 网络";

        // when
        String collapsed = ChineseWhitespace.collapse(text);

        // then
        assertThat(collapsed).isEqualTo("部署Wi Fi 6网络");
    }

    @Test
    void remove_all_drops_every_kind_of_space() {
        // given
        String text = "责\u3000任 单\u00A0位\t\n";

        // when
        String compact = ChineseWhitespace.removeAll(text);

        // then
        assertThat(compact).isEqualTo("责任单位");
    }
}
