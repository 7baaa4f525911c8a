package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import static io.duban.command.catalog.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** Each bad input is the bundled document with one defect, so the refusal can only come from that defect. */
class PolicyDocumentParserRefusalTest {

    private final PolicyDocumentParser parser = new PolicyDocumentParser();
    private final String document = BundledPolicy.text();

    /** Replaces the single occurrence of {@code original}, so the defect lands exactly where the test says. */
    private String withReplaced(String original, String replacement) {
        int at = document.indexOf(original);
        assertThat(at).as("the defect must be introduced into the document").isNotNegative();
        assertThat(document.indexOf(original, at + 1)).as("the defect must land in one place only").isNegative();
        return document.substring(0, at) + replacement + document.substring(at + original.length());
    }

    @Test
    void null_is_refused() {
        assertRefused(() -> parser.parse(null), "文件内容为空");
    }

    @Test
    void an_empty_or_blank_text_is_refused() {
        assertRefused(() -> parser.parse(""), "文件内容为空");
        assertRefused(() -> parser.parse("\uFEFF \r\n\u3000"), "文件内容为空");
    }

    @Test
    void a_document_over_2_mb_is_refused() {
        // given
        String padded = document + "\n" + "说明".repeat(PolicyText.MAX_UTF8_BYTES / 6 + 1);

        // then
        assertRefused(() -> parser.parse(padded), "文件过大");
    }

    @Test
    void a_document_without_a_number_is_refused() {
        // given
        String withoutNumber = withReplaced("内政发〔2023〕1号\n", "\n");

        // then
        assertRefused(() -> parser.parse(withoutNumber), "未找到文号");
    }

    @Test
    void a_document_without_the_appendix_is_refused() {
        // given
        String withoutAppendix = document.substring(0, document.indexOf("重点支持事项清单"));

        // then
        assertRefused(() -> parser.parse(withoutAppendix), "未找到附件表格“重点支持事项清单”");
    }

    @Test
    void a_document_whose_body_has_no_articles_is_refused() {
        // given
        String withoutArticles = document.replaceAll("（([一二三四五六七八九十]+)）", "$1是");

        // then
        assertRefused(() -> parser.parse(withoutArticles), "正文中未找到编号条目");
    }

    @Test
    void a_row_without_units_is_refused_naming_it() {
        // given
        String withoutUnits = withReplaced("依托科研院所设立呼和浩特航天经济开发区\n\t自治区工业和信息化厅\n",
                "依托科研院所设立呼和浩特航天经济开发区\n");

        // then
        assertRefused(() -> parser.parse(withoutUnits), "第12项缺少责任单位");
    }

    @Test
    void a_gap_in_the_numbering_is_refused_naming_it() {
        // given
        int row8 = document.indexOf("\t8\n");
        int row9 = document.indexOf("\t9\n");
        assertThat(row8).isPositive().isLessThan(row9);
        String withoutRow8 = document.substring(0, row8) + document.substring(row9);

        // then
        assertRefused(() -> parser.parse(withoutRow8), "序号不连续：第7项之后是第9项");
    }

    @Test
    void a_duplicated_number_is_refused_naming_it() {
        // given
        String duplicated = withReplaced("\t8\n\t以和林格尔新区", "\t7\n\t以和林格尔新区");

        // then
        assertRefused(() -> parser.parse(duplicated), "序号重复：第7项出现了两次");
    }

    @Test
    void a_table_without_its_header_is_refused() {
        // given
        String withoutHeader = withReplaced("\t责 任 单 位\n", "\n");

        // then
        assertRefused(() -> parser.parse(withoutHeader), "缺少表头");
    }

    @Test
    void a_row_that_the_body_does_not_speak_of_is_imported_without_source_not_refused() {
        // given
        String foreignRow = withReplaced("\t引导自治区级国有资本优先在首府布局", "\t采购一批消防车辆");

        // when
        PolicyDraft draft = parser.read(foreignRow, java.util.List.of());

        // then: the other 59 rows are read as before, row 59 is 出处未定 and the office is told
        assertThat(draft.items()).hasSize(60);
        assertThat(draft.items().get(58).article()).isNull();
        assertThat(draft.items().get(58).articleTitle()).isEqualTo("出处未定");
        assertThat(draft.items().get(57).article()).isEqualTo("（二十三）");
        assertThat(draft.warnings()).filteredOn(w -> w.code().equals("article.undetermined"))
                .singleElement().satisfies(w -> {
                    assertThat(w.itemNumber()).isEqualTo(59);
                    assertThat(w.message()).contains("第59项的支持事项在正文各条目中找不到出处").contains("出处未定");
                });
    }
}
