package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitNameNormalizerTest {

    private final UnitNameNormalizer normalizer = new UnitNameNormalizer();

    @Test
    void units_after_a_regional_first_unit_inherit_its_prefix() {
        // when
        var names = normalizer.canonicalNames("自治区财政厅、科技厅");

        // then
        assertThat(names).containsExactly("自治区财政厅", "自治区科技厅");
    }

    @Test
    void a_name_wrapped_mid_word_is_joined_and_stray_spaces_are_dropped() {
        // when
        var names = normalizer.canonicalNames("自治区财政厅、自然\n资源厅、生态环境厅 、");

        // then
        assertThat(names).containsExactly("自治区财政厅", "自治区自然资源厅", "自治区生态环境厅");
    }

    @Test
    void units_of_another_hierarchy_keep_their_own_name() {
        // when
        var names = normalizer.canonicalNames("自治区发展改革委、\n中国铁路呼和浩特局集团有限公司；内蒙古证监局，国家能源局,呼和浩特市教育局");

        // then
        assertThat(names).containsExactly("自治区发展改革委", "中国铁路呼和浩特局集团有限公司", "内蒙古证监局", "国家能源局",
                "呼和浩特市教育局");
    }

    @Test
    void without_a_regional_first_unit_nothing_is_prefixed() {
        // when
        var names = normalizer.canonicalNames("内蒙古民航机场集团公司、市交通运输局");

        // then
        assertThat(names).containsExactly("内蒙古民航机场集团公司", "市交通运输局");
    }

    @Test
    void a_unit_listed_twice_is_kept_once_in_first_position() {
        // when
        var names = normalizer.canonicalNames("自治区科技厅、教育厅、自治区科技厅、科技厅");

        // then
        assertThat(names).containsExactly("自治区科技厅", "自治区教育厅");
    }

    @Test
    void separators_alone_give_no_unit() {
        // when
        var names = normalizer.canonicalNames(" 、，；");

        // then
        assertThat(names).isEmpty();
    }
}
