package io.duban.query.board;

import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.board.UnitSummary;
import io.duban.query.api.board.UnitBoard;
import io.duban.query.api.board.ItemDetail;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.api.board.FindUnits;
import io.duban.query.api.board.FindUnitBoard;
import io.duban.query.api.board.FindItemBoard;
import io.duban.query.api.board.FindItem;
import io.duban.query.api.board.FindCommitments;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.Milestone;
import io.duban.command.api.ProgressReported;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.api.catalog.FindPolicy;
import io.duban.query.catalog.ItemsProjection;
import io.duban.query.catalog.PoliciesProjection;
import io.duban.query.catalog.PolicyQueries;
import io.duban.query.api.catalog.UnitRef;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.commitment.BoardRowReader;
import io.duban.query.commitment.BoardRowsProjection;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.light.BoardProperties;
import io.duban.query.api.light.LightColor;
import io.duban.query.light.TrafficLights;
import io.duban.query.web.NotFoundException;
import io.duban.query.web.TooBroadException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.EventMessages.policy;
import static io.duban.query.fixtures.SampleEvents.CITY;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.TRANSPORT;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Item 1: own units 财政厅 (registered, 60%, M1 overdue on 2024-07-12) and 发展改革委 (not registered), co-responsible
 * 呼和浩特市人民政府 (registered and verified). Item 2: 交通运输厅 and the city, nobody registered.
 */
class BoardQueriesTest extends WireMongoTest {

    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private ItemBoardQueries items;
    private UnitBoardQueries units;
    private CommitmentQueries commitments;
    private PolicyQueries policies;

    @BeforeEach
    void setUp() {
        var imported = policyImported();
        var importMessage = policy(POLICY_ID, 0, imported, T0);
        new PoliciesProjection(mongo).on(imported, importMessage);
        new ItemsProjection(mongo).on(imported, importMessage);
        new UnitsProjection(mongo).on(imported);

        CommitmentsProjection projection = new CommitmentsProjection(mongo);
        BoardRowsProjection rows = new BoardRowsProjection(mongo, new TrafficLights(Clock.systemUTC(), new BoardProperties(14, 10)));
        String finance = financeRegistered().commitmentId();
        projection.on(financeRegistered(), commitment(finance, 0, financeRegistered(), T0));
        rows.on(financeRegistered(), commitment(finance, 0, financeRegistered(), T0));
        var progress = new ProgressReported(finance, 60, 0, "主体施工", null, FINANCE_OFFICIAL);
        projection.on(progress, commitment(finance, 1, progress, T0.plusSeconds(60)));
        rows.on(progress, commitment(finance, 1, progress, T0.plusSeconds(60)));

        CommitmentRegistered city = registered(1, CITY, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30),
                List.of(new Milestone("M1", "配套到位", LocalDate.of(2024, 3, 31))));
        projection.on(city, commitment(city.commitmentId(), 0, city, T0));
        rows.on(city, commitment(city.commitmentId(), 0, city, T0));
        var claimed = new CompletionClaimed(city.commitmentId(), "配套已到位", FINANCE_OFFICIAL);
        projection.on(claimed, commitment(city.commitmentId(), 1, claimed, T0.plusSeconds(120)));
        rows.on(claimed, commitment(city.commitmentId(), 1, claimed, T0.plusSeconds(120)));
        var verified = new CompletionVerified(city.commitmentId(), "同意办结", OFFICE);
        projection.on(verified, commitment(city.commitmentId(), 2, verified, T0.plusSeconds(180)));
        rows.on(verified, commitment(city.commitmentId(), 2, verified, T0.plusSeconds(180)));

        Clock clock = Clock.fixed(LocalDate.of(2024, 7, 12).atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        TrafficLights lights = new TrafficLights(clock, new BoardProperties(14, 10));
        CatalogReader catalog = new CatalogReader(mongo);
        CommitmentReader reader = new CommitmentReader(mongo);
        items = new ItemBoardQueries(catalog, reader, lights);
        units = new UnitBoardQueries(catalog, reader, lights, new BoardRowReader(mongo));
        commitments = new CommitmentQueries(reader, lights);
        policies = new PolicyQueries(catalog);
    }

    @Test
    void itemProgressAveragesTheOwnUnitsCountingAnUnregisteredOneAsZero() {
        // when
        List<ItemBoardEntry> board = items.handle(new FindItemBoard(POLICY_ID));

        // then
        assertThat(board).extracting(entry -> entry.item().number()).containsExactly(1, 2);
        ItemBoardEntry first = board.get(0);
        assertThat(first.progress().overallProgress()).as("(60 + 0) / 2; the verified city is co-responsible").isEqualTo(30.0);
        assertThat(first.progress().registeredUnits()).isEqualTo(1);
        assertThat(first.progress().unregisteredUnits()).isEqualTo(1);
        assertThat(first.progress().unregistered()).extracting(UnitRef::unitId).containsExactly(DEVELOPMENT.unitId());
        assertThat(first.commitments()).extracting(CommitmentSummary::unitName, CommitmentSummary::progress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("呼和浩特市人民政府", 100),
                        org.assertj.core.groups.Tuple.tuple("自治区财政厅", 60));
    }

    @Test
    void anItemShowsItsWorstCommitmentAndNoneWithoutCommitments() {
        // when
        List<ItemBoardEntry> board = items.handle(new FindItemBoard(POLICY_ID));

        // then
        assertThat(board.get(0).light().color()).isEqualTo(LightColor.RED);
        assertThat(board.get(0).light().reasons()).containsExactly("自治区财政厅：M1 已逾期 12 天（2024-06-30）");
        assertThat(board.get(1).light().color()).isEqualTo(LightColor.NONE);
        assertThat(board.get(1).light().label()).isEqualTo("未登记");
        assertThat(board.get(1).progress().overallProgress()).isZero();
        assertThat(board.get(1).progress().unregistered()).extracting(UnitRef::unitId).containsExactly(TRANSPORT.unitId());
    }

    @Test
    void oneItemComesWithItsCommitmentsInFull() {
        // when
        ItemDetail item = items.handle(new FindItem(POLICY_ID, 1));

        // then
        assertThat(item.item().text()).startsWith("支持呼和浩特市建设国家级乳业创新中心");
        assertThat(item.commitments()).extracting(d -> d.commitment().status(), d -> d.commitment().progress(), d -> d.light().color())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CommitmentStatus.VERIFIED, 100, LightColor.DONE),
                        org.assertj.core.groups.Tuple.tuple(CommitmentStatus.OPEN, 60, LightColor.RED));
        assertThat(item.commitments().get(0).commitment().reportedProgress())
                .as("the verified city never reported: one figure (100) shown, the reported one kept apart").isZero();
        assertThat(item.light().color()).isEqualTo(LightColor.RED);
    }

    @Test
    void aUnitBoardListsItsItemsWithLights() {
        // when
        UnitBoard city = units.handle(new FindUnitBoard(CITY.unitId()));

        // then
        assertThat(city.unit().name()).isEqualTo("呼和浩特市人民政府");
        assertThat(city.rows()).extracting(UnitBoard.UnitBoardRow::number, row -> row.light().color())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, LightColor.DONE),
                        org.assertj.core.groups.Tuple.tuple(2, LightColor.NONE));
        assertThat(city.rows().get(1).commitment()).isNull();
        assertThat(city.lights()).containsEntry(LightColor.DONE, 1).containsEntry(LightColor.NONE, 1)
                .containsEntry(LightColor.RED, 0);
    }

    @Test
    void theUnitListCountsItemsRegistrationsAndLights() {
        // when
        List<UnitSummary> all = units.handle(new FindUnits());

        // then
        assertThat(all).extracting(UnitSummary::name)
                .as("row units first, in pinyin order: cai, fa, jiao")
                .containsExactly("自治区财政厅", "自治区发展改革委", "自治区交通运输厅", "呼和浩特市人民政府");
        UnitSummary finance = all.stream().filter(u -> u.unitId().equals(FINANCE.unitId())).findFirst().orElseThrow();
        assertThat(finance.itemCount()).isEqualTo(1);
        assertThat(finance.registeredCount()).isEqualTo(1);
        assertThat(finance.lights()).containsEntry(LightColor.RED, 1);
    }

    @Test
    void commitmentsFilterByUnitItemAndLight() {
        assertThat(commitments.handle(new FindCommitments(null, POLICY_ID, 1, LightColor.RED)))
                .extracting(CommitmentSummary::unitId).containsExactly(FINANCE.unitId());
        assertThat(commitments.handle(new FindCommitments(null, null, null, LightColor.DONE)))
                .extracting(CommitmentSummary::unitId).containsExactly(CITY.unitId());
        assertThat(commitments.handle(new FindCommitments(CITY.unitId(), null, null, null))).hasSize(1);
        assertThat(commitments.handle(new FindCommitments(null, POLICY_ID, 2, null))).isEmpty();
        assertThat(commitments.handle(FindCommitments.all())).hasSize(2);
    }

    @Test
    void aListBroaderThanTheBoundIsRefusedWithAHintAndANarrowerOneIsAnswered() {
        // given: two commitments registered, a bound of one
        Clock clock = Clock.fixed(LocalDate.of(2024, 7, 12).atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        CommitmentQueries bounded = new CommitmentQueries(new CommitmentReader(mongo),
                new TrafficLights(clock, new BoardProperties(14, 10)), new ListLimits(1));

        // when / then: every commitment is too broad: 422 with the code and the way to narrow it
        assertThatThrownBy(() -> bounded.handle(FindCommitments.all()))
                .isInstanceOfSatisfying(TooBroadException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "query.too-broad");
                })
                .hasMessageContaining("超过 1 条").hasMessageContaining("unitId");
        // one unit's list, and the overdue list (one commitment is overdue), are within the bound
        assertThat(bounded.handle(new FindCommitments(CITY.unitId(), null, null, null))).hasSize(1);
        assertThat(bounded.handle(new FindCommitments(null, null, null, LightColor.RED)))
                .extracting(CommitmentSummary::unitId).containsExactly(FINANCE.unitId());
        // exactly at the bound is not over it
        CommitmentQueries atBound = new CommitmentQueries(new CommitmentReader(mongo),
                new TrafficLights(clock, new BoardProperties(14, 10)), new ListLimits(2));
        assertThat(atBound.handle(FindCommitments.all())).hasSize(2);
    }

    @Test
    void theListBoundMustBePositive() {
        assertThatThrownBy(() -> new ListLimits(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duban.query.max-list-rows");
    }

    @Test
    void aCommitmentComesWithItsLight() {
        // when
        CommitmentDetail detail = commitments.handle(new FindCommitment(financeRegistered().commitmentId()));

        // then
        assertThat(detail.commitment().unitName()).isEqualTo("自治区财政厅");
        assertThat(detail.light().color()).isEqualTo(LightColor.RED);
        assertThat(detail.light().reasons()).containsExactly("M1 已逾期 12 天（2024-06-30）");
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThatThrownBy(() -> commitments.handle(new FindCommitment("nope.1.u0")))
                .isInstanceOf(NotFoundException.class).hasMessage("未找到承诺事项：nope.1.u0");
        assertThatThrownBy(() -> items.handle(new FindItem(POLICY_ID, 99)))
                .isInstanceOf(NotFoundException.class).hasMessage("未找到支持事项：nzf-2023-1 第 99 项");
        assertThatThrownBy(() -> items.handle(new FindItemBoard("nope")))
                .isInstanceOf(NotFoundException.class).hasMessage("未找到政策文件：nope");
        assertThatThrownBy(() -> units.handle(new FindUnitBoard("u00000000")))
                .isInstanceOf(NotFoundException.class).hasMessage("未找到责任单位：u00000000");
        assertThatThrownBy(() -> policies.handle(new FindPolicy("nope")))
                .isInstanceOf(NotFoundException.class).hasMessage("未找到政策文件：nope");
    }
}
