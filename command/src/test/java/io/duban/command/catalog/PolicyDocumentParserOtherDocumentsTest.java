package io.duban.command.catalog;

import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.TargetKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three documents of the same kind as 内政发〔2023〕1号, written with the traps that made the first parser fail: regional
 * offices of central bodies after a 自治区 department, full and short spellings of one body, rows paraphrased or not
 * found in the body, targets it cannot read, a 盟 instead of a city.
 */
class PolicyDocumentParserOtherDocumentsTest {

    private final PolicyDocumentParser parser = new PolicyDocumentParser();

    private static List<String> own(PolicyDraft draft, int number) {
        return draft.items().get(number - 1).units().stream().filter(u -> !u.coResponsible())
                .map(DraftUnit::name).toList();
    }

    private static List<String> warningCodes(PolicyDraft draft, int number) {
        return draft.warnings().stream().filter(w -> w.itemNumber() == number).map(ImportWarning::code).toList();
    }

    @Test
    void baotou_a_central_bodys_office_after_a_regional_department_keeps_its_own_name() {
        // given the document that failed, when it is read
        PolicyDraft draft = parser.read(TestDocuments.text("nmg-2024-7.txt"), List.of());

        // then
        assertThat(draft.documentNumber()).isEqualTo("内政发〔2024〕7号");
        assertThat(draft.items()).hasSize(8);
        assertThat(own(draft, 3)).containsExactly("自治区交通运输厅", "民航内蒙古安全监管局");
        assertThat(own(draft, 4)).containsExactly("自治区发展改革委", "中国铁路呼和浩特局集团有限公司");
        assertThat(own(draft, 5)).containsExactly("自治区商务厅", "呼和浩特海关");
        assertThat(own(draft, 7)).containsExactly("人民银行内蒙古分行", "内蒙古金融监管局");
        assertThat(own(draft, 8)).containsExactly("自治区地方金融监管局", "内蒙古证监局");
        assertThat(draft.coResponsibleUnits()).extracting(DraftUnit::name).containsExactly("包头市人民政府");
        assertThat(draft.units()).allSatisfy(u -> assertThat(u.known()).as(u.name()).isTrue());
    }

    @Test
    void baotou_the_same_body_spelled_in_full_is_the_unit_of_the_first_document() {
        PolicyDraft draft = parser.read(TestDocuments.text("nmg-2024-7.txt"), List.of());

        // 发展和改革委员会 after 自治区科技厅: 自治区发展改革委, with the id it has in 内政发〔2023〕1号
        DraftUnit drc = draft.items().get(0).units().get(1);
        assertThat(drc.name()).isEqualTo("自治区发展改革委");
        assertThat(drc.writtenAs()).isEqualTo("发展和改革委员会");
        assertThat(drc.unitId()).isEqualTo(ResponsibleUnit.idFor("自治区发展改革委"));
        assertThat(own(draft, 1)).containsExactly("自治区科技厅", "自治区发展改革委", "自治区工业和信息化厅");
    }

    @Test
    void baotou_a_paraphrased_row_and_a_row_not_in_the_body_are_imported_with_warnings() {
        PolicyDraft draft = parser.read(TestDocuments.text("nmg-2024-7.txt"), List.of());

        DraftItem paraphrased = draft.items().get(4);
        assertThat(paraphrased.article()).isEqualTo("（四）");
        assertThat(paraphrased.articleConfidence()).isBetween(ArticleLinker.MIN_TENTATIVE, ArticleLinker.MIN_CONTAINMENT);
        assertThat(warningCodes(draft, 5)).containsExactly("article.uncertain");

        DraftItem foreign = draft.items().get(7);
        assertThat(foreign.article()).isNull();
        assertThat(foreign.articleTitle()).isEqualTo("出处未定");
        assertThat(warningCodes(draft, 8)).containsExactly("article.undetermined", "target.unreadable");
        assertThat(draft.warnings()).filteredOn(w -> w.code().equals("target.unreadable"))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("到2026年"));

        assertThat(draft.items()).filteredOn(i -> i.number() <= 4 || i.number() == 6 || i.number() == 7)
                .allSatisfy(i -> assertThat(i.articleConfidence()).isGreaterThanOrEqualTo(0.5));
        assertThat(draft.items().get(0).targets()).singleElement()
                .satisfies(t -> assertThat(t.dueYear()).isEqualTo(2025));
        assertThat(draft.items().get(5).targets()).singleElement()
                .satisfies(t -> assertThat(t.amount()).isEqualByComparingTo(BigDecimal.valueOf(5)));
    }

    @Test
    void ordos_full_names_known_spellings_enterprises_and_a_new_unit() {
        PolicyDraft draft = parser.read(TestDocuments.text("nmg-2024-12.txt"), List.of());

        assertThat(draft.documentNumber()).isEqualTo("内政发〔2024〕12号");
        assertThat(draft.items()).hasSize(6);
        // the row lists the city government itself: it stays once, as the row's own
        assertThat(own(draft, 1)).containsExactly("自治区发展改革委", "自治区能源局", "鄂尔多斯市人民政府");
        assertThat(draft.items().get(0).units()).extracting(DraftUnit::name).doesNotHaveDuplicates().hasSize(3);
        assertThat(own(draft, 2)).containsExactly("自治区工业和信息化厅", "自治区低空经济发展中心");
        assertThat(own(draft, 3)).containsExactly("自治区能源局", "内蒙古电力集团", "国家能源局华北监管局");
        assertThat(own(draft, 4)).containsExactly("自治区财政厅");
        assertThat(own(draft, 5)).containsExactly("自治区统计局", "国家统计局内蒙古调查总队", "内蒙古气象局");
        assertThat(own(draft, 6)).containsExactly("自治区地方金融监管局", "内蒙古证监局");

        assertThat(draft.warnings()).extracting(ImportWarning::itemNumber, ImportWarning::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "unit.unknown"));
        assertThat(draft.items().get(3).targets()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TargetKind.ANNUAL);
            assertThat(t.firstYear()).isEqualTo(2024);
            assertThat(t.lastYear()).isEqualTo(2026);
        });
    }

    @Test
    void hinggan_a_leagues_government_short_forms_after_a_central_office_and_unknown_offices() {
        PolicyDraft draft = parser.read(TestDocuments.text("nmg-2024-30.txt"), List.of());

        assertThat(draft.documentNumber()).isEqualTo("内政办发〔2024〕30号");
        assertThat(draft.coResponsibleUnits()).extracting(DraftUnit::name).containsExactly("兴安盟行政公署");
        assertThat(own(draft, 1)).containsExactly("自治区文化和旅游厅", "民航内蒙古安全监管局", "自治区商务厅");
        assertThat(own(draft, 2)).containsExactly("自治区林草局", "国家林业和草原局驻内蒙古森林资源监督专员办事处");
        assertThat(own(draft, 3)).containsExactly("自治区商务厅", "满洲里海关", "阿尔山海关");
        assertThat(own(draft, 4)).containsExactly("人民银行兴安盟分行", "自治区地方金融监管局");
        assertThat(own(draft, 5)).containsExactly("自治区商务厅", "内蒙古电力集团");

        assertThat(draft.warnings()).filteredOn(w -> w.code().equals("unit.unknown"))
                .extracting(ImportWarning::itemNumber).containsExactly(2, 3, 4);
        assertThat(draft.items()).allSatisfy(i -> assertThat(i.article()).isNotNull());
    }
}
