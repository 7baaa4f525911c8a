package io.duban.command.catalog;

import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import io.duban.command.api.Target;
import io.duban.command.api.TargetKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A document of the same kind that the parser has never seen, to show that nothing of 内政发〔2023〕1号 is built in. */
class PolicyDocumentParserSyntheticDocumentTest {

    private static final String DOCUMENT = String.join("\r\n",
            "某某市人民政府关于",
            "加快建设创新型城市的意见",
            "",
            "某政发〔2021〕7号",
            "",
            "各区人民政府，市政府各委、办、局：",
            "一、重点任务",
            "（一）建设科技园区。加快建设未来科技园区，打造创新孵化平台。",
            "（二）完善交通网络。规划建设城市轨道交通环线，确保2025年建成通车。",
            "二、保障措施",
            "（三）加大财政投入。今后3年每年安排科技创新专项资金2亿元，用于支持企业研发。",
            "附件",
            "",
            "重点支持事项清单",
            "",
            "\t序号",
            "\t支持事项",
            "\t责任单位",
            "",
            "\t1",
            "\t加快建设未来科技园区，打造创新孵化平台",
            "\t自治区科技厅、发展",
            "改革委",
            "",
            "\t2",
            "\t规划建设城市轨道交通环线，确保2025年建成通车",
            "\t某某市交通运输局",
            "",
            "\t3",
            "\t今后3年每年安排科技创新专项资金2亿元",
            "\t自治区财政厅",
            "");

    private final PolicyDocumentParser parser = new PolicyDocumentParser();

    @Test
    void reads_the_heading_of_another_document() {
        // when
        ParsedPolicy policy = parser.parse(DOCUMENT);

        // then
        assertThat(policy.documentNumber()).isEqualTo("某政发〔2021〕7号");
        assertThat(policy.year()).isEqualTo(2021);
        assertThat(policy.title()).isEqualTo("某某市人民政府关于加快建设创新型城市的意见");
    }

    @Test
    void reads_its_rows_with_a_unit_split_across_lines_and_a_unit_of_another_level() {
        // when
        ParsedPolicy policy = parser.parse(DOCUMENT);

        // then
        assertThat(policy.items()).extracting(SupportItem::number).containsExactly(1, 2, 3);
        assertThat(policy.items().get(0).units()).containsExactly(
                ResponsibleUnit.of("自治区科技厅", false), ResponsibleUnit.of("自治区发展改革委", false));
        assertThat(policy.items().get(1).units()).containsExactly(ResponsibleUnit.of("某某市交通运输局", false));
        assertThat(policy.items().get(2).units()).containsExactly(ResponsibleUnit.of("自治区财政厅", false));
    }

    @Test
    void without_a_note_no_unit_is_co_responsible() {
        // when
        ParsedPolicy policy = parser.parse(DOCUMENT);

        // then
        assertThat(policy.coResponsibleUnits()).isEmpty();
        assertThat(policy.items()).flatExtracting(SupportItem::units).noneMatch(ResponsibleUnit::coResponsible);
    }

    @Test
    void with_a_note_every_row_has_the_named_government_once() {
        // given: a note under the table, and row 2 listing that government itself
        String withNote = DOCUMENT
                .replace("\t某某市交通运输局", "\t某某市人民政府、某某市交通运输局")
                + "\t说明：因每项任务均涉及某某市，在责任单位中未单独列出。\r\n";

        // when
        ParsedPolicy policy = parser.parse(withNote);

        // then
        ResponsibleUnit government = ResponsibleUnit.of("某某市人民政府", true);
        assertThat(policy.coResponsibleUnits()).containsExactly(government);
        assertThat(policy.items().get(0).units()).last().isEqualTo(government);
        assertThat(policy.items().get(1).units()).containsExactly(
                ResponsibleUnit.of("某某市人民政府", false), ResponsibleUnit.of("某某市交通运输局", false));
        assertThat(policy.items().get(2).units()).containsExactly(ResponsibleUnit.of("自治区财政厅", false), government);
    }

    @Test
    void links_each_row_to_its_article() {
        // when
        ParsedPolicy policy = parser.parse(DOCUMENT);

        // then
        assertThat(policy.items()).extracting(SupportItem::article, SupportItem::articleTitle).containsExactly(
                org.assertj.core.groups.Tuple.tuple("（一）", "建设科技园区"),
                org.assertj.core.groups.Tuple.tuple("（二）", "完善交通网络"),
                org.assertj.core.groups.Tuple.tuple("（三）", "加大财政投入"));
    }

    @Test
    void reads_targets_relative_to_its_own_year() {
        // when
        ParsedPolicy policy = parser.parse(DOCUMENT);

        // then
        assertThat(policy.items().get(0).targets()).isEmpty();
        assertThat(policy.items().get(1).targets()).containsExactly(
                new Target(TargetKind.DEADLINE, "确保2025年建成通车", 2025, null, null, null, null));
        assertThat(policy.items().get(2).targets()).containsExactly(new Target(TargetKind.ANNUAL,
                "今后3年每年安排科技创新专项资金2亿元", null, 2021, 2023, new BigDecimal("2"), "亿元"));
    }
}
