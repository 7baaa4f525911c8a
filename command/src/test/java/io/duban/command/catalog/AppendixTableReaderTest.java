package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.duban.command.catalog.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class AppendixTableReaderTest {

    private static final List<String> HEADER = List.of("重点支持事项清单", "", "\t序号", "\t支  持  事  项", "\t责 任 单 位", "");

    private static List<String> table(String... rowLines) {
        List<String> lines = new ArrayList<>(HEADER);
        lines.addAll(Arrays.asList(rowLines));
        return lines;
    }

    @Test
    void reads_rows_whose_cells_wrap_onto_unindented_lines() {
        // given
        List<String> lines = table(
                "\t1", "\t第一项事项", "\t自治区财政厅、自然", "资源厅", "",
                "\t2", "\t第二项", "事项续行", "\t自治区科技厅", "",
                "\t说明：因每项任务均涉及某市，在责任单位中未单独列出。");

        // when
        AppendixTable table = AppendixTableReader.read(lines, 0);

        // then
        assertThat(table.titleLineIndex()).isZero();
        assertThat(table.rows()).extracting(TableRow::number).containsExactly(1, 2);
        assertThat(table.rows().get(0).units().compact()).isEqualTo("自治区财政厅、自然资源厅");
        assertThat(table.rows().get(1).item().text()).isEqualTo("第二项事项续行");
        assertThat(table.note()).isEqualTo("说明：因每项任务均涉及某市，在责任单位中未单独列出。");
    }

    @Test
    void a_cell_opened_by_an_empty_indented_line_takes_the_content_that_follows() {
        // given: the layout of item 55 of 内政发〔2023〕1号
        List<String> lines = table("\t1", "\t事项", "\t", "", "自治区能源局、发展改革委", "", "");

        // when
        AppendixTable table = AppendixTableReader.read(lines, 0);

        // then
        assertThat(table.rows()).singleElement()
                .satisfies(row -> assertThat(row.units().compact()).isEqualTo("自治区能源局、发展改革委"));
        assertThat(table.note()).isEmpty();
    }

    @Test
    void cells_separated_by_tabs_on_one_line_are_read_too() {
        // given
        List<String> lines = List.of("附件：重点支持事项清单", "序号\t支持事项\t责任单位", "1\t事项甲\t自治区商务厅", "2\t事项乙\t自治区教育厅");

        // when
        AppendixTable table = AppendixTableReader.read(lines, 0);

        // then
        assertThat(table.rows()).extracting(row -> row.item().text()).containsExactly("事项甲", "事项乙");
        assertThat(table.rows()).extracting(row -> row.units().compact()).containsExactly("自治区商务厅", "自治区教育厅");
    }

    @Test
    void without_indentation_every_line_is_a_cell() {
        // given
        List<String> lines = List.of("重点支持事项清单", "序号", "支持事项", "责任单位", "1", "事项甲", "自治区商务厅");

        // when
        AppendixTable table = AppendixTableReader.read(lines, 0);

        // then
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.item().text()).isEqualTo("事项甲");
            assertThat(row.units().compact()).isEqualTo("自治区商务厅");
        });
    }

    @Test
    void the_title_is_only_searched_from_the_given_line_on() {
        // given
        List<String> lines = table("\t1", "\t事项", "\t自治区商务厅");

        // then
        assertRefused(() -> AppendixTableReader.read(lines, 1), "未找到附件表格“重点支持事项清单”");
    }

    @Test
    void a_table_without_its_header_is_refused() {
        // given
        List<String> lines = List.of("重点支持事项清单", "\t序号", "\t事项", "\t单位", "\t1", "\t事项", "\t自治区商务厅");

        // then
        assertRefused(() -> AppendixTableReader.read(lines, 0), "缺少表头");
    }

    @Test
    void a_table_without_rows_is_refused() {
        assertRefused(() -> AppendixTableReader.read(table(), 0), "没有任何事项");
    }

    @Test
    void text_where_the_first_number_should_be_is_refused() {
        assertRefused(() -> AppendixTableReader.read(table("\t事项", "\t自治区商务厅"), 0), "表头之后应为第1项");
    }

    @Test
    void a_row_without_units_is_refused_naming_the_row() {
        // given
        List<String> lines = table("\t1", "\t事项", "\t自治区商务厅", "", "\t2", "\t事项", "", "\t3", "\t事项", "\t自治区商务厅");

        // then
        assertRefused(() -> AppendixTableReader.read(lines, 0), "第2项缺少责任单位");
    }

    @Test
    void a_row_with_only_its_number_is_refused() {
        assertRefused(() -> AppendixTableReader.read(table("\t1", ""), 0), "第1项缺少支持事项和责任单位");
    }

    @Test
    void a_row_with_more_than_three_cells_is_refused() {
        assertRefused(() -> AppendixTableReader.read(table("\t1", "\t事项", "\t自治区商务厅", "\t多余"), 0),
                "第1项有3栏内容");
    }

    @Test
    void numbering_must_start_at_one() {
        assertRefused(() -> AppendixTableReader.read(table("\t2", "\t事项", "\t自治区商务厅"), 0), "序号应从1开始");
    }

    @Test
    void a_gap_in_the_numbering_is_refused() {
        // given
        List<String> lines = table("\t1", "\t事项", "\t自治区商务厅", "\t3", "\t事项", "\t自治区商务厅");

        // then
        assertRefused(() -> AppendixTableReader.read(lines, 0), "序号不连续：第1项之后是第3项");
    }

    @Test
    void a_duplicated_number_is_refused() {
        // given
        List<String> lines = table("\t1", "\t事项", "\t自治区商务厅", "\t1", "\t事项", "\t自治区商务厅");

        // then
        assertRefused(() -> AppendixTableReader.read(lines, 0), "序号重复：第1项出现了两次");
    }
}
