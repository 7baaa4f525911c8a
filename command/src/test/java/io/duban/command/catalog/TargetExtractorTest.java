package io.duban.command.catalog;

import io.duban.command.api.Target;
import io.duban.command.api.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetExtractorTest {

    private final TargetExtractor extractor = new TargetExtractor();

    @Test
    void a_year_followed_by_a_verb_of_completion_is_a_deadline() {
        // when
        List<Target> targets = extractor.targets("三方分别出资5亿元建设研发资金，确保2023年建成投用", 2023);

        // then
        assertThat(targets).containsExactly(
                new Target(TargetKind.DEADLINE, "确保2023年建成投用", 2023, null, null, null, null));
    }

    @Test
    void a_deadline_may_name_the_end_of_a_later_year() {
        // when
        List<Target> targets = extractor.targets("力争2025年底前全面完成改造", 2021);

        // then
        assertThat(targets).extracting(Target::kind, Target::dueYear).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TargetKind.DEADLINE, 2025));
    }

    @Test
    void a_yearly_sum_runs_from_the_document_year_without_end() {
        // when
        List<Target> targets = extractor.targets("自治区以定额补助方式每年补助呼和浩特市10亿元", 2023);

        // then
        assertThat(targets).containsExactly(new Target(TargetKind.ANNUAL, "每年补助呼和浩特市10亿元", null, 2023, null,
                new BigDecimal("10"), "亿元"));
    }

    @Test
    void a_yearly_sum_for_the_next_n_years_ends_in_the_nth_year_counting_the_document_year() {
        // when
        List<Target> targets = extractor.targets("今后5年每年新增财力性补助资金30亿元，用于加强和改善城市基础设施", 2023);

        // then
        assertThat(targets).containsExactly(new Target(TargetKind.ANNUAL, "今后5年每年新增财力性补助资金30亿元", null, 2023,
                2027, new BigDecimal("30"), "亿元"));
    }

    @Test
    void a_yearly_sum_over_a_stated_span_of_years_uses_that_span() {
        // when
        List<Target> targets = extractor.targets("2024—2026年每年安排奖补资金500万元", 2023);

        // then
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.firstYear()).isEqualTo(2024);
            assertThat(t.lastYear()).isEqualTo(2026);
            assertThat(t.amount()).isEqualByComparingTo("500");
            assertThat(t.amountUnit()).isEqualTo("万元");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "自治区、呼和浩特市和伊利集团三方分别出资5亿元建设研发资金",
            "加快推进5G网络、千兆光网建设",
            "创建内蒙古黄河大峡谷国家5A级旅游景区",
            "着力构建呼包鄂乌1小时交通圈、生活圈",
            "利用2小时交通圈便利条件",
            "用5年左右时间，地区生产总值突破5000亿元",
            "每年举办一次博览会，安排资金3亿元"})
    void figures_that_are_neither_a_dated_completion_nor_a_yearly_sum_are_no_target(String text) {
        // when
        List<Target> targets = extractor.targets(text, 2023);

        // then
        assertThat(targets).isEmpty();
    }
}
