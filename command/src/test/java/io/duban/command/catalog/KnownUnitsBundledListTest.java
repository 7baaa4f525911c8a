package io.duban.command.catalog;

import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the unit names, tried on every body of the bundled list (catalog/units-nmg.csv). */
class KnownUnitsBundledListTest {

    private static final KnownUnits LIST = KnownUnits.bundled();
    private static final String FIRST = "自治区交通运输厅";

    private final UnitNameNormalizer normalizer = new UnitNameNormalizer(LIST);

    private static Stream<KnownUnit> regional() {
        return LIST.all().stream().filter(u -> u.kind().regional());
    }

    private static Stream<KnownUnit> ownNamed() {
        return LIST.all().stream().filter(u -> !u.kind().regional());
    }

    @Test
    void the_list_holds_the_governments_departments_and_agencies_of_every_kind() {
        assertThat(LIST.all()).extracting(KnownUnit::kind).contains(UnitKind.values());
        assertThat(LIST.all()).filteredOn(u -> u.kind() == UnitKind.CONSTITUENT).hasSizeGreaterThanOrEqualTo(24);
        assertThat(LIST.find("自治区发展和改革委员会")).map(KnownUnit::canonicalName).contains("自治区发展改革委");
    }

    @Test
    void every_regional_body_is_named_with_the_region_and_no_other_body_is() {
        assertThat(regional()).allSatisfy(u -> assertThat(u.canonicalName()).contains("自治区"));
        assertThat(ownNamed()).allSatisfy(u -> assertThat(u.canonicalName()).doesNotStartWith("自治区"));
    }

    @Test
    void a_regional_short_form_after_a_regional_body_inherits_the_prefix() {
        regional().filter(u -> u.canonicalName().startsWith("自治区")).forEach(u -> {
            String shortForm = u.canonicalName().substring("自治区".length());
            String first = u.canonicalName().equals(FIRST) ? "自治区财政厅" : FIRST;
            assertThat(normalizer.canonicalNames(first + "、" + shortForm)).as(shortForm)
                    .containsExactly(first, u.canonicalName());
        });
    }

    @Test
    void a_body_of_another_hierarchy_after_a_regional_body_keeps_its_own_name() {
        ownNamed().forEach(u -> {
            Stream.concat(Stream.of(u.canonicalName()), u.aliases().stream()).forEach(spelling -> {
                // 自治区气象局 is how documents write the central 内蒙古气象局: written so, it is that body too
                assertThat(normalizer.canonicalNames(FIRST + "、" + spelling)).as(spelling)
                        .containsExactly(FIRST, u.canonicalName());
            });
        });
    }

    @Test
    void every_spelling_of_a_body_is_that_one_unit_with_the_id_of_its_canonical_name() {
        LIST.all().forEach(u -> Stream.concat(Stream.of(u.canonicalName()), u.aliases().stream()).forEach(spelling -> {
            List<UnitName> units = normalizer.units(spelling);
            assertThat(units).as(spelling).singleElement().satisfies(name -> {
                assertThat(name.canonicalName()).isEqualTo(u.canonicalName());
                assertThat(name.known()).isTrue();
            });
        }));
    }

    @Test
    void the_full_name_with_inner_mongolia_is_the_same_body() {
        regional().filter(u -> u.canonicalName().startsWith("自治区")).forEach(u ->
                assertThat(normalizer.canonicalNames("内蒙古" + u.canonicalName())).containsExactly(u.canonicalName()));
    }

    @Test
    void the_issue_example_is_two_units() {
        assertThat(normalizer.canonicalNames("自治区交通运输厅、民航内蒙古安全监管局"))
                .containsExactly("自治区交通运输厅", "民航内蒙古安全监管局");
    }

    @Test
    void unknown_names_of_other_hierarchies_keep_their_own_names_even_after_a_regional_body() {
        assertThat(normalizer.canonicalNames(FIRST + "、民航华北地区管理局、二连浩特海关、国家药监局内蒙古检查分局、"
                + "中国人民银行包头市分行、国家金融监督管理总局鄂尔多斯监管分局、宁夏证监局、中国铁路北京局集团有限公司、"
                + "国网内蒙古东部电力有限公司赤峰供电公司、内蒙古伊泰集团、包头市人民政府、锡林郭勒盟行政公署、包头市教育局、市交通运输局"))
                .containsExactly(FIRST, "民航华北地区管理局", "二连浩特海关", "国家药监局内蒙古检查分局", "中国人民银行包头市分行",
                        "国家金融监督管理总局鄂尔多斯监管分局", "宁夏证监局", "中国铁路北京局集团有限公司",
                        "国网内蒙古东部电力有限公司赤峰供电公司", "内蒙古伊泰集团", "包头市人民政府", "锡林郭勒盟行政公署",
                        "包头市教育局", "市交通运输局");
    }

    @Test
    void an_unknown_short_form_after_a_regional_body_inherits_the_prefix_and_is_new() {
        List<UnitName> units = normalizer.units("自治区财政厅、民航内蒙古安全监管局、数据局");

        assertThat(units).extracting(UnitName::canonicalName)
                .containsExactly("自治区财政厅", "民航内蒙古安全监管局", "自治区数据局");
        assertThat(units).extracting(UnitName::known).containsExactly(true, true, false);
    }

    @Test
    void a_short_form_after_a_city_government_is_not_taken_for_a_regional_body() {
        assertThat(normalizer.canonicalNames("包头市人民政府、统计局")).containsExactly("包头市人民政府", "统计局");
        assertThat(normalizer.canonicalNames("科技厅")).containsExactly("自治区科技厅");
    }

    @Test
    void every_unit_of_the_bundled_document_is_in_the_list_under_the_name_it_is_recorded_with() {
        ParsedPolicy policy = new PolicyDocumentParser(LIST).parse(BundledPolicy.text());
        List<String> names = policy.items().stream().flatMap(i -> i.units().stream()).map(ResponsibleUnit::name)
                .distinct().toList();

        assertThat(names).hasSize(34).allSatisfy(name ->
                assertThat(LIST.find(name)).as(name).map(KnownUnit::canonicalName).contains(name));
        assertThat(policy.items()).extracting(SupportItem::article).doesNotContainNull();
    }
}
