package io.duban.command.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.duban.command.catalog.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentHeadingTest {

    @Test
    void reads_number_year_and_the_title_paragraph_above_the_number() {
        // given
        List<String> lines = List.of("某某市人民政府文件", "", " 某某市人民政府关于", "加快发展的意见", "", "某政发〔2021〕7号", "正文");

        // when
        DocumentHeading heading = DocumentHeading.read(lines);

        // then
        assertThat(heading.number()).isEqualTo("某政发〔2021〕7号");
        assertThat(heading.year()).isEqualTo(2021);
        assertThat(heading.title()).isEqualTo("某某市人民政府关于加快发展的意见");
        assertThat(heading.lineIndex()).isEqualTo(5);
    }

    @Test
    void square_brackets_from_a_converter_are_read_as_hexagonal_ones() {
        // given
        List<String> lines = List.of("关于某事的通知", "某办发 [2019] 12 号");

        // when
        DocumentHeading heading = DocumentHeading.read(lines);

        // then
        assertThat(heading.number()).isEqualTo("某办发〔2019〕12号");
        assertThat(heading.year()).isEqualTo(2019);
    }

    @Test
    void a_number_cited_inside_a_sentence_is_not_the_documents_number() {
        // given
        List<String> lines = List.of("关于某事的通知", "根据内政发〔2022〕5号文件精神，现通知如下。");

        // then
        assertRefused(() -> DocumentHeading.read(lines), "未找到文号");
    }

    @Test
    void a_number_without_a_title_above_it_is_refused() {
        // given
        List<String> lines = List.of("", "内政发〔2023〕1号", "正文");

        // then
        assertRefused(() -> DocumentHeading.read(lines), "未找到文件标题");
    }
}
