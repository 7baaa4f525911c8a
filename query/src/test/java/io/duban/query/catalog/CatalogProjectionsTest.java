package io.duban.query.catalog;

import io.duban.query.api.catalog.UnitView;
import io.duban.query.api.catalog.UnitRef;
import io.duban.query.api.catalog.PolicyView;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.catalog.ItemRef;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.SupportItem;
import io.duban.query.fixtures.WireMongoTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.policy;
import static io.duban.query.fixtures.SampleEvents.CITY;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.TRANSPORT;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogProjectionsTest extends WireMongoTest {

    private static final Instant IMPORTED_AT = Instant.parse("2023-03-01T01:02:03.456Z");
    private PoliciesProjection policies;
    private ItemsProjection items;
    private UnitsProjection units;
    private CatalogReader reader;

    @BeforeEach
    void setUp() {
        policies = new PoliciesProjection(mongo);
        items = new ItemsProjection(mongo);
        units = new UnitsProjection(mongo);
        reader = new CatalogReader(mongo);
    }

    private void importPolicy(PolicyImported event) {
        var message = policy(event.policyId(), 0, event, IMPORTED_AT);
        policies.on(event, message);
        items.on(event, message);
        units.on(event);
    }

    @Test
    void aPolicyImportFillsThePolicyView() {
        // when
        importPolicy(policyImported());

        // then
        PolicyView policy = reader.policy(POLICY_ID).orElseThrow();
        assertThat(policy.documentNumber()).isEqualTo("内政发〔2023〕1号");
        assertThat(policy.title()).isEqualTo("内蒙古自治区人民政府关于支持呼和浩特市高质量发展的意见");
        assertThat(policy.year()).isEqualTo(2023);
        assertThat(policy.itemCount()).isEqualTo(2);
        assertThat(policy.sourceSha256()).isEqualTo("ab12cd34");
        assertThat(policy.importedAt()).as("stored with millisecond precision").isEqualTo(IMPORTED_AT);
        assertThat(policy.importedBy().name()).isEqualTo("王主任");
        assertThat(policy.coResponsibleUnits()).extracting(UnitRef::name).containsExactly("呼和浩特市人民政府");
    }

    @Test
    void aPolicyImportFillsOneItemDocumentPerRow() {
        // when
        importPolicy(policyImported());

        // then
        Document stored = mongo.getCollection(ItemsProjection.COLLECTION).find(new Document("_id", POLICY_ID + ":2")).first();
        assertThat(stored).isNotNull();
        ItemView item = reader.item(POLICY_ID, 2).orElseThrow();
        assertThat(item.text()).startsWith("今后5年每年安排10亿元");
        assertThat(item.article()).isEqualTo("（五）");
        assertThat(item.articleTitle()).isEqualTo("完善基础设施");
        assertThat(item.units()).containsExactly(new UnitRef(TRANSPORT.unitId(), "自治区交通运输厅", false),
                new UnitRef(CITY.unitId(), "呼和浩特市人民政府", true));
        assertThat(item.ownUnits()).extracting(UnitRef::unitId).containsExactly(TRANSPORT.unitId());
        assertThat(item.targets()).singleElement().satisfies(target -> {
            assertThat(target.amount()).isEqualTo(new BigDecimal("10.0"));
            assertThat(target.amountUnit()).isEqualTo("亿元");
            assertThat(target.firstYear()).isEqualTo(2023);
            assertThat(target.lastYear()).isEqualTo(2027);
        });
        assertThat(reader.items(POLICY_ID)).extracting(ItemView::number).containsExactly(1, 2);
    }

    @Test
    void unitsGatherTheirItemsAcrossPolicies() {
        // given
        importPolicy(policyImported());
        PolicyImported second = new PolicyImported("nzf-2024-3", "内政发〔2024〕3号", "第二个意见", 2024, "ef56",
                List.of(new SupportItem(1, "支持物流枢纽建设。", "（一）", "物流", List.of(FINANCE, CITY), List.of())),
                List.of(CITY), OFFICE);

        // when
        importPolicy(second);

        // then
        UnitView finance = reader.unit(FINANCE.unitId()).orElseThrow();
        assertThat(finance.name()).isEqualTo("自治区财政厅");
        assertThat(finance.coResponsible()).isFalse();
        assertThat(finance.items()).containsExactly(new ItemRef(POLICY_ID, 1), new ItemRef("nzf-2024-3", 1));
        assertThat(finance.policyIds()).containsExactly(POLICY_ID, "nzf-2024-3");
        UnitView city = reader.unit(CITY.unitId()).orElseThrow();
        assertThat(city.coResponsible()).isTrue();
        assertThat(city.items()).containsExactly(new ItemRef(POLICY_ID, 1), new ItemRef(POLICY_ID, 2), new ItemRef("nzf-2024-3", 1));
        assertThat(reader.units()).extracting(UnitView::unitId)
                .containsExactlyInAnyOrder(FINANCE.unitId(), DEVELOPMENT.unitId(), TRANSPORT.unitId(), CITY.unitId());
        assertThat(reader.policies()).extracting(PolicyView::policyId).containsExactly("nzf-2024-3", POLICY_ID);
    }

    @Test
    void importingTheSamePolicyTwiceChangesNothing() {
        // given
        importPolicy(policyImported());
        List<Document> before = snapshot();

        // when
        importPolicy(policyImported());

        // then
        assertThat(snapshot()).isEqualTo(before);
        assertThat(reader.unit(CITY.unitId()).orElseThrow().items()).hasSize(2);
    }

    @Test
    void anOlderPolicyEventAfterANewerOneChangesNothing() {
        // given the policy document at sequence 1 (a later event of the same aggregate)
        PolicyImported newer = new PolicyImported(POLICY_ID, "内政发〔2023〕1号", "更正后的标题", 2023, "ffff",
                policyImported().items(), List.of(CITY), OFFICE);
        policies.on(newer, policy(POLICY_ID, 1, newer, IMPORTED_AT.plusSeconds(60)));

        // when
        policies.on(policyImported(), policy(POLICY_ID, 0, policyImported(), IMPORTED_AT));

        // then
        assertThat(reader.policy(POLICY_ID).orElseThrow().title()).isEqualTo("更正后的标题");
    }

    @Test
    void resetDropsEachCatalogView() {
        // given
        importPolicy(policyImported());

        // when
        policies.reset();
        items.reset();
        units.reset();

        // then
        assertThat(reader.policies()).isEmpty();
        assertThat(reader.items((String) null)).isEmpty();
        assertThat(reader.units()).isEmpty();
    }

    private List<Document> snapshot() {
        return List.of(PoliciesProjection.COLLECTION, ItemsProjection.COLLECTION, UnitsProjection.COLLECTION).stream()
                .flatMap(name -> mongo.getCollection(name).find().into(new java.util.ArrayList<>()).stream())
                .toList();
    }

}
