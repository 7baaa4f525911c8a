package io.duban.command.catalog;

import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import io.duban.command.api.Target;
import io.duban.command.api.TargetKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** 内政发〔2023〕1号 as bundled for the first start; the expected values were read off the document by hand. */
class PolicyDocumentParserRealDocumentTest {

    private static final String HOHHOT = "呼和浩特市人民政府";

    private static ParsedPolicy policy;

    @BeforeAll
    static void parseOnce() {
        // given the bundled document, when it is parsed (once: every test below only reads the result)
        policy = new PolicyDocumentParser().parse(BundledPolicy.text());
    }

    private static SupportItem item(int number) {
        return policy.items().get(number - 1);
    }

    private static List<String> ownUnitNames(int number) {
        return item(number).units().stream().filter(u -> !u.coResponsible()).map(ResponsibleUnit::name).toList();
    }

    @Test
    void reads_the_document_number_its_year_and_the_title() {
        assertThat(policy.documentNumber()).isEqualTo("内政发〔2023〕1号");
        assertThat(policy.year()).isEqualTo(2023);
        assertThat(policy.title()).isEqualTo("内蒙古自治区人民政府关于支持呼和浩特市高质量发展的意见");
    }

    @Test
    void reads_sixty_items_numbered_one_to_sixty() {
        assertThat(policy.items()).extracting(SupportItem::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 60).boxed().toList());
    }

    @Test
    void item_texts_are_whitespace_normalised_and_keep_ascii_words() {
        assertThat(item(1).text()).isEqualTo("创建国家级乳业知识产权运营中心、内蒙古农业大学乳业学院");
        assertThat(item(30).text()).startsWith("加快建设S43机场高速公路、S29呼凉高速公路和S27呼鄂高速公路等项目");
        assertThat(item(6).text()).isEqualTo("加快推进5G网络、千兆光网建设和工业互联网改造");
        assertThat(policy.items()).allSatisfy(i -> assertThat(i.text()).doesNotContainPattern("\\s"));
    }

    @ParameterizedTest(name = "item {0}")
    @CsvSource(delimiter = '|', textBlock = """
             6 | 自治区工业和信息化厅, 内蒙古通信管理局
             8 | 自治区发展改革委, 自治区大数据中心, 自治区工业和信息化厅, 自治区能源局
            27 | 自治区发展改革委, 中国铁路呼和浩特局集团有限公司
            28 | 自治区交通运输厅, 自治区发展改革委
            37 | 自治区生态环境厅, 自治区水利厅, 自治区林草局
            38 | 自治区财政厅, 自治区自然资源厅, 自治区生态环境厅
            44 | 自治区党委政法委, 自治区民政厅, 自治区卫生健康委
            48 | 自治区党委组织部, 自治区科技厅
            52 | 自治区党委组织部, 自治区人力资源社会保障厅
            55 | 自治区能源局, 自治区发展改革委
            60 | 自治区地方金融监管局, 内蒙古证监局
            """)
    void reads_the_units_of_the_tricky_rows(int number, String expected) {
        assertThat(ownUnitNames(number)).containsExactly(expected.split(",\\s*"));
    }

    @Test
    void unit_ids_are_derived_from_the_canonical_names() {
        assertThat(policy.items()).flatExtracting(SupportItem::units)
                .allSatisfy(u -> assertThat(u.unitId()).isEqualTo(ResponsibleUnit.idFor(u.name())));
    }

    @Test
    void the_note_makes_hohhot_co_responsible_for_every_item_after_the_rows_own_units() {
        ResponsibleUnit hohhot = ResponsibleUnit.of(HOHHOT, true);

        assertThat(policy.coResponsibleUnits()).containsExactly(hohhot);
        assertThat(policy.items()).allSatisfy(i -> {
            assertThat(i.units()).last().isEqualTo(hohhot);
            assertThat(i.units()).filteredOn(ResponsibleUnit::coResponsible).containsExactly(hohhot);
            assertThat(i.units()).doesNotHaveDuplicates();
        });
    }

    @Test
    void the_rows_name_thirty_three_distinct_units_besides_hohhot() {
        Set<String> distinct = new LinkedHashSet<>();
        policy.items().forEach(i -> distinct.addAll(ownUnitNamesOf(i)));

        assertThat(distinct).containsExactly(
                "自治区市场监管局", "自治区教育厅", "自治区农牧厅", "自治区商务厅", "自治区财政厅", "自治区科技厅",
                "自治区林草局", "自治区工业和信息化厅", "内蒙古通信管理局", "自治区统计局", "自治区大数据中心",
                "自治区发展改革委", "自治区能源局", "自治区地方金融监管局", "自治区应急厅", "自治区文化和旅游厅",
                "自治区体育局", "自治区国资委", "内蒙古税务局", "自治区交通运输厅", "内蒙古民航机场集团公司",
                "中国铁路呼和浩特局集团有限公司", "自治区住房城乡建设厅", "自治区水利厅", "自治区自然资源厅",
                "自治区生态环境厅", "自治区卫生健康委", "自治区民政厅", "自治区党委政法委", "自治区政务服务局",
                "自治区党委组织部", "自治区人力资源社会保障厅", "内蒙古证监局");
        assertThat(distinct).hasSize(33).doesNotContain(HOHHOT);
    }

    private static List<String> ownUnitNamesOf(SupportItem i) {
        return i.units().stream().filter(u -> !u.coResponsible()).map(ResponsibleUnit::name).toList();
    }

    @Test
    void links_every_item_to_the_article_it_was_condensed_from() {
        Map<Integer, String> expected = new TreeMap<>();
        putRange(expected, 1, 4, "（三）");
        putRange(expected, 5, 9, "（四）");
        putRange(expected, 10, 16, "（五）");
        putRange(expected, 17, 19, "（六）");
        putRange(expected, 20, 24, "（七）");
        putRange(expected, 25, 26, "（八）");
        putRange(expected, 27, 27, "（九）");
        putRange(expected, 28, 29, "（十）");
        putRange(expected, 30, 30, "（十一）");
        putRange(expected, 31, 34, "（十二）");
        putRange(expected, 35, 35, "（十三）");
        putRange(expected, 36, 39, "（十四）");
        putRange(expected, 40, 43, "（十五）");
        putRange(expected, 44, 44, "（十六）");
        putRange(expected, 45, 45, "（十七）");
        putRange(expected, 46, 46, "（十八）");
        putRange(expected, 47, 47, "（十九）");
        putRange(expected, 48, 53, "（二十）");
        putRange(expected, 54, 54, "（二十一）");
        putRange(expected, 55, 55, "（二十二）");
        putRange(expected, 56, 60, "（二十三）");

        Map<Integer, String> actual = new TreeMap<>();
        policy.items().forEach(i -> actual.put(i.number(), i.article()));

        assertThat(actual).isEqualTo(expected);
    }

    private static void putRange(Map<Integer, String> map, int from, int to, String article) {
        IntStream.rangeClosed(from, to).forEach(n -> map.put(n, article));
    }

    @ParameterizedTest(name = "item {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
             1 | 建设“世界乳都”
             5 | 打造“中国云谷”
            21 | 发展总部经济
            31 | 强化城市基础保障功能
            55 | 强化用电用能保障
            60 | 强化财税金融保障
            """)
    void gives_each_item_the_heading_of_its_article(int number, String heading) {
        assertThat(item(number).articleTitle()).isEqualTo(heading);
    }

    @Test
    void reads_the_deadline_of_item_3() {
        assertThat(item(3).targets()).containsExactly(
                new Target(TargetKind.DEADLINE, "确保2023年建成投用", 2023, null, null, null, null));
    }

    @Test
    void reads_the_open_ended_yearly_subsidy_of_item_31() {
        assertThat(item(31).targets()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TargetKind.ANNUAL);
            assertThat(t.text()).isEqualTo("每年补助呼和浩特市10亿元");
            assertThat(t.amount()).isEqualByComparingTo(BigDecimal.TEN);
            assertThat(t.amountUnit()).isEqualTo("亿元");
            assertThat(t.firstYear()).isEqualTo(2023);
            assertThat(t.lastYear()).isNull();
            assertThat(t.dueYear()).isNull();
        });
    }

    @Test
    void reads_the_five_year_yearly_subsidy_of_item_57() {
        assertThat(item(57).targets()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TargetKind.ANNUAL);
            assertThat(t.text()).isEqualTo("今后5年每年新增财力性补助资金30亿元");
            assertThat(t.amount()).isEqualByComparingTo("30");
            assertThat(t.amountUnit()).isEqualTo("亿元");
            assertThat(t.firstYear()).isEqualTo(2023);
            assertThat(t.lastYear()).isEqualTo(2027);
        });
    }

    @Test
    void no_other_item_has_a_target() {
        assertThat(policy.items())
                .filteredOn(i -> !i.targets().isEmpty())
                .extracting(SupportItem::number)
                .containsExactly(3, 31, 57);
    }

    @Test
    void parsing_is_deterministic() {
        PolicyDocumentParser parser = new PolicyDocumentParser();

        ParsedPolicy first = parser.parse(BundledPolicy.text());
        ParsedPolicy second = parser.parse(BundledPolicy.text());

        assertThat(second).isEqualTo(first).isEqualTo(policy);
    }
}
