package io.duban.query.directory;

import io.duban.query.api.directory.OfficialView;
import io.duban.query.api.directory.FindOfficials;
import io.duban.query.api.directory.FindOfficial;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.Role;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.api.directory.OfficialView.DirectoryChange;
import io.duban.query.api.directory.OfficialView.OfficialUnit;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.api.ActorRef;
import io.duban.query.web.NotFoundException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.duban.command.api.OfficialRole.OFFICIAL;
import static io.duban.command.api.OfficialRole.UNIT_LEADER;
import static io.duban.query.fixtures.EventMessages.official;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class OfficialsProjectionTest extends WireMongoTest {

    private static final Instant T0 = Instant.parse("2024-02-01T01:00:00Z");
    private static final String WANG = "czt-wang";
    private static final String UNLISTED_UNIT = "u0000beef";

    private OfficialsProjection projection;
    private OfficialQueries queries;

    @BeforeEach
    void setUp() {
        new UnitsProjection(mongo).on(policyImported());
        projection = new OfficialsProjection(mongo);
        queries = new OfficialQueries(new OfficialReader(mongo, new CatalogReader(mongo)));
    }

    private static Instant at(int day) {
        return T0.plusSeconds(86_400L * day);
    }

    private void appoint(String userId, long sequence, String name, OfficialRole role, List<String> units, int day) {
        var event = new OfficialAppointed(userId, name, role, units, OFFICE);
        projection.on(event, official(userId, sequence, event, at(day)));
    }

    private void remove(String userId, long sequence, String reason, int day) {
        var event = new OfficialRemoved(userId, reason, OFFICE);
        projection.on(event, official(userId, sequence, event, at(day)));
    }

    private OfficialView wang() {
        return queries.handle(new FindOfficial(WANG));
    }

    @Test
    void anAppointmentEntersThePersonWithUnitsNamedFromTheUnitsView() {
        // when
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);

        // then
        OfficialView wang = wang();
        assertThat(wang.name()).isEqualTo("王五");
        assertThat(wang.role()).isEqualTo(OFFICIAL);
        assertThat(wang.active()).isTrue();
        assertThat(wang.units()).containsExactly(new OfficialUnit(FINANCE.unitId(), "自治区财政厅", at(0)));
        assertThat(wang.appointedAt()).isEqualTo(at(0));
        assertThat(wang.appointedBy()).isEqualTo(new ActorRef("office-1", "王主任", Role.OFFICE));
        assertThat(wang.removedAt()).isNull();
        assertThat(wang.history()).singleElement().satisfies(change -> {
            assertThat(change.change()).isEqualTo("APPOINTED");
            assertThat(change.at()).isEqualTo(at(0));
            assertThat(change.by().name()).isEqualTo("王主任");
            assertThat(change.channel()).hasToString("WEB");
            assertThat(change.units()).extracting(OfficialView.UnitName::name).containsExactly("自治区财政厅");
        });
        Document stored = mongo.getCollection(OfficialsProjection.COLLECTION).find(new Document("_id", WANG)).first();
        assertThat(stored.getList("unitIds", String.class)).as("only ids are stored").containsExactly(FINANCE.unitId());
        assertThat(stored.getLong("lastSequence")).isZero();
    }

    @Test
    void aReAppointmentReplacesTheDetailsAndKeepsSinceWhenEachUnitWasNamed() {
        // given
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);

        // when
        appoint(WANG, 1, "王五（处长）", UNIT_LEADER, List.of(DEVELOPMENT.unitId(), FINANCE.unitId()), 5);

        // then
        OfficialView wang = wang();
        assertThat(wang.name()).isEqualTo("王五（处长）");
        assertThat(wang.role()).isEqualTo(UNIT_LEADER);
        assertThat(wang.appointedAt()).isEqualTo(at(5));
        assertThat(wang.units()).extracting(OfficialUnit::unitId, OfficialUnit::since)
                .containsExactly(tuple(DEVELOPMENT.unitId(), at(5)), tuple(FINANCE.unitId(), at(0)));
        assertThat(wang.history()).extracting(DirectoryChange::sequence, DirectoryChange::name, DirectoryChange::role)
                .containsExactly(tuple(0L, "王五", OFFICIAL), tuple(1L, "王五（处长）", UNIT_LEADER));
    }

    @Test
    void aUnitDroppedAndNamedAgainCountsFromItsReturn() {
        // given
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);
        appoint(WANG, 1, "王五", OFFICIAL, List.of(DEVELOPMENT.unitId()), 3);

        // when
        appoint(WANG, 2, "王五", OFFICIAL, List.of(DEVELOPMENT.unitId(), FINANCE.unitId()), 7);

        // then
        assertThat(wang().units()).extracting(OfficialUnit::unitId, OfficialUnit::since)
                .containsExactly(tuple(DEVELOPMENT.unitId(), at(3)), tuple(FINANCE.unitId(), at(7)));
    }

    @Test
    void aRemovalKeepsTheLastDetailsAndRecordsWhoAndWhy() {
        // given
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);

        // when
        remove(WANG, 1, "调离", 9);

        // then
        OfficialView wang = wang();
        assertThat(wang.active()).isFalse();
        assertThat(wang.name()).isEqualTo("王五");
        assertThat(wang.units()).as("no longer acts for it").containsExactly(new OfficialUnit(FINANCE.unitId(), "自治区财政厅", null));
        assertThat(wang.removedAt()).isEqualTo(at(9));
        assertThat(wang.removedBy().userId()).isEqualTo("office-1");
        assertThat(wang.removalReason()).isEqualTo("调离");
        assertThat(wang.history()).extracting(DirectoryChange::change, DirectoryChange::reason)
                .containsExactly(tuple("APPOINTED", null), tuple("REMOVED", "调离"));
        assertThat(wang.history().get(1).units()).isNull();
    }

    @Test
    void aRemovedPersonMayBeAppointedAgain() {
        // given
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);
        remove(WANG, 1, "调离", 9);

        // when
        appoint(WANG, 2, "王五", OFFICIAL, List.of(FINANCE.unitId()), 20);

        // then
        OfficialView wang = wang();
        assertThat(wang.active()).isTrue();
        assertThat(wang.removedAt()).isNull();
        assertThat(wang.removedBy()).isNull();
        assertThat(wang.removalReason()).isNull();
        assertThat(wang.units()).extracting(OfficialUnit::since).as("counted from the new appointment").containsExactly(at(20));
        assertThat(wang.history()).extracting(DirectoryChange::change).containsExactly("APPOINTED", "REMOVED", "APPOINTED");
    }

    @Test
    void officialsFilterByUnitRoleAndActiveActiveOnesFirstByName() {
        // given
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);
        appoint("czt-zhao", 0, "赵六", UNIT_LEADER, List.of(FINANCE.unitId()), 0);
        appoint("fgw-chen", 0, "陈七", OFFICIAL, List.of(DEVELOPMENT.unitId()), 0);
        appoint("office-zhou", 0, "周八", OfficialRole.OFFICE, List.of(), 0);
        appoint("czt-li", 0, "李四", OFFICIAL, List.of(FINANCE.unitId()), 0);
        remove("czt-li", 1, "退休", 2);

        // then
        assertThat(queries.handle(new FindOfficials(FINANCE.unitId(), null, true)))
                .extracting(OfficialView::userId).containsExactly(WANG, "czt-zhao");
        assertThat(queries.handle(new FindOfficials(FINANCE.unitId(), null, false)))
                .extracting(OfficialView::userId).containsExactly(WANG, "czt-zhao", "czt-li");
        assertThat(queries.handle(new FindOfficials(null, OFFICIAL, true)))
                .extracting(OfficialView::name).as("pinyin order").containsExactly("陈七", "王五");
        assertThat(queries.handle(new FindOfficials(FINANCE.unitId(), UNIT_LEADER, true)))
                .extracting(OfficialView::userId).containsExactly("czt-zhao");
        assertThat(queries.handle(new FindOfficials(null, null, true))).hasSize(4);
        assertThat(queries.handle(new FindOfficials("u00000000", null, false))).isEmpty();
    }

    @Test
    void aUnitNoPolicyListsHasNoName() {
        // when
        appoint(WANG, 0, "王五", OFFICIAL, List.of(UNLISTED_UNIT), 0);

        // then
        assertThat(wang().units()).containsExactly(new OfficialUnit(UNLISTED_UNIT, null, at(0)));
    }

    @Test
    void theSameEventTwiceOrAnOlderOneChangesNothing() {
        // given
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);
        remove(WANG, 1, "调离", 9);
        Document before = mongo.getCollection(OfficialsProjection.COLLECTION).find().first();

        // when
        remove(WANG, 1, "调离", 9);
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);

        // then
        assertThat(mongo.getCollection(OfficialsProjection.COLLECTION).find().first()).isEqualTo(before);
        assertThat(wang().history()).hasSize(2);
    }

    @Test
    void anUnknownPersonIsNotFound() {
        assertThatThrownBy(() -> queries.handle(new FindOfficial("nobody")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("未找到人员：nobody");
    }

    @Test
    void resetDropsTheView() {
        // given
        appoint(WANG, 0, "王五", OFFICIAL, List.of(FINANCE.unitId()), 0);

        // when
        projection.reset();

        // then
        assertThat(queries.handle(new FindOfficials(null, null, false))).isEmpty();
    }
}
