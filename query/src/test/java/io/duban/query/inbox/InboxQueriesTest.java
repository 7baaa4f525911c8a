package io.duban.query.inbox;

import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentUrged;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.Milestone;
import io.duban.command.api.calendar.WorkingCalendar;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
import io.duban.query.api.inbox.FindOfficeInbox;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.api.inbox.OfficeInbox.LateUnit;
import io.duban.query.api.light.LightColor;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.ItemsProjection;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.dispatch.DispatchRoundReader;
import io.duban.query.dispatch.DispatchRoundsProjection;
import io.duban.query.escalation.EscalationQueries;
import io.duban.query.commitment.BoardRowReader;
import io.duban.query.fixtures.CommitmentViews;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.light.BoardProperties;
import io.duban.query.light.TrafficLights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.EventMessages.message;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * Today is Monday 2024-07-15, round 2024-Q3 (report deadline 2024-07-12) holds all four commitments and only 财政厅
 * reported. Waiting for the office: 财政厅's change of M2 (a second one was approved: gone), 发展改革委's completion
 * claim and its D1 case at level 3, 交通运输厅's open issue I2 (I1 resolved: gone); 财政厅's M1 case is only at level 2.
 * The events feed the commitments view and the board rows, as in the application.
 */
class InboxQueriesTest extends WireMongoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2024-07-15T03:00:00Z"), SHANGHAI);
    private static final String ROUND = "2024-Q3";

    private final String finance = financeRegistered().commitmentId();
    private final CommitmentRegistered development = registered(1, DEVELOPMENT, LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31), List.of(new Milestone("D1", "完成用地预审", LocalDate.of(2024, 6, 14))));
    private final CommitmentRegistered transport = registered(2, TRANSPORT, LocalDate.of(2024, 1, 1),
            LocalDate.of(2027, 12, 31), List.of());
    private final CommitmentRegistered city = registered(1, CITY, LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31), List.of());

    private CommitmentViews commitments;

    @BeforeEach
    void setUp() {
        var imported = policyImported();
        new ItemsProjection(mongo).on(imported, policy(POLICY_ID, 0, imported, T0));
        new UnitsProjection(mongo).on(imported);
        commitments = new CommitmentViews(mongo);
        commitments.on(financeRegistered(), commitment(finance, 0, financeRegistered(), T0));
        commitments.on(development, commitment(development.commitmentId(), 0, development, T0));
        commitments.on(transport, commitment(transport.commitmentId(), 0, transport, T0));
        commitments.on(city, commitment(city.commitmentId(), 0, city, T0));

        var change = new DeadlineChangeRequested(finance, "D1", "M2", LocalDate.of(2025, 3, 31),
                LocalDate.of(2025, 6, 30), "征地手续延后", FINANCE_OFFICIAL);
        commitments.on(change, commitment(finance, 1, change, at("2024-07-10T02:00:00Z")));
        var approvedToo = new DeadlineChangeRequested(city.commitmentId(), "D1", null, LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 3, 31), "配套调整", FINANCE_OFFICIAL);
        commitments.on(approvedToo, commitment(city.commitmentId(), 1, approvedToo, at("2024-07-01T02:00:00Z")));
        var approved = new DeadlineChangeApproved(city.commitmentId(), "D1", null, LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 3, 31), "同意", OFFICE);
        commitments.on(approved, commitment(city.commitmentId(), 2, approved, at("2024-07-02T02:00:00Z")));

        var claimed = new CompletionClaimed(development.commitmentId(), "用地预审已完成", FINANCE_OFFICIAL);
        commitments.on(claimed, commitment(development.commitmentId(), 1, claimed, at("2024-07-11T02:00:00Z")));
        var started = new EscalationStarted(development.commitmentId(), "D1", LocalDate.of(2024, 6, 14), List.of(3, 7),
                Actor.schedule());
        commitments.on(started, commitment(development.commitmentId(), 2, started, at("2024-06-17T01:00:00Z")));
        var level3 = new EscalationRaised(development.commitmentId(), "D1", LocalDate.of(2024, 6, 14), 3, Actor.schedule());
        commitments.on(level3, commitment(development.commitmentId(), 3, level3, at("2024-06-26T01:00:00Z")));
        var urged = new CommitmentUrged(development.commitmentId(), "请尽快完成用地预审", OFFICE);
        commitments.on(urged, commitment(development.commitmentId(), 4, urged, at("2024-06-27T01:00:00Z")));

        var financeCase = new EscalationStarted(finance, "M1", LocalDate.of(2024, 6, 30), List.of(3, 7), Actor.schedule());
        commitments.on(financeCase, commitment(finance, 2, financeCase, at("2024-07-01T01:00:00Z")));
        var level2 = new EscalationRaised(finance, "M1", LocalDate.of(2024, 6, 30), 2, Actor.schedule());
        commitments.on(level2, commitment(finance, 3, level2, at("2024-07-04T01:00:00Z")));

        var resolvedIssue = new MajorIssueRaised(transport.commitmentId(), "I1", "资金缺口", null, FINANCE_OFFICIAL);
        commitments.on(resolvedIssue, commitment(transport.commitmentId(), 1, resolvedIssue, at("2024-07-01T02:00:00Z")));
        var resolved = new MajorIssueResolved(transport.commitmentId(), "I1", "已统筹", OFFICE);
        commitments.on(resolved, commitment(transport.commitmentId(), 2, resolved, at("2024-07-02T02:00:00Z")));
        var openIssue = new MajorIssueRaised(transport.commitmentId(), "I2", "征地受阻", "涉及基本农田调整", FINANCE_OFFICIAL);
        commitments.on(openIssue, commitment(transport.commitmentId(), 3, openIssue, at("2024-07-05T02:00:00Z")));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private void roundOpenedWithFinanceReported() {
        DispatchRoundsProjection rounds = new DispatchRoundsProjection(mongo);
        var opened = new DispatchRoundOpened(ROUND, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30),
                LocalDate.of(2024, 7, 12), List.of(finance, development.commitmentId(), transport.commitmentId(),
                city.commitmentId()), Actor.schedule());
        rounds.on(opened, message("DispatchRound", ROUND, 0, opened, at("2024-07-01T00:30:00Z")));
        var report = new QuarterlyReportRecorded(ROUND, finance, 40, "推进中", FINANCE_OFFICIAL,
                at("2024-07-03T02:00:00Z"), false, Actor.system("季度调度登记"));
        rounds.on(report, message("DispatchRound", ROUND, 1, report, at("2024-07-03T02:00:01Z")));
    }

    private InboxQueries queries() {
        CommitmentReader reader = new CommitmentReader(mongo);
        CatalogReader catalog = new CatalogReader(mongo);
        EscalationQueries escalations = new EscalationQueries(reader, catalog, TODAY,
                new StaticListableBeanFactory().getBeanProvider(WorkingCalendar.class));
        BoardRowReader rows = new BoardRowReader(mongo);
        return new InboxQueries(rows, reader, escalations, new DispatchRoundReader(mongo, rows, TODAY), catalog,
                new TrafficLights(TODAY, new BoardProperties(14, 10)));
    }

    @Test
    void answersEveryListInOneAnswerWithOnlyWhatStillWaits() {
        // given
        roundOpenedWithFinanceReported();

        // when
        OfficeInbox inbox = queries().handle(new FindOfficeInbox());

        // then
        assertThat(inbox.today()).isEqualTo(LocalDate.of(2024, 7, 15));
        assertThat(inbox.deadlineChanges()).extracting(c -> c.subject().commitmentId(), c -> c.changeId(),
                        c -> c.milestoneTitle(), c -> c.currentDueDate(), c -> c.requestedDueDate(), c -> c.reason())
                .containsExactly(tuple(finance, "D1", "主体工程完工", LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30),
                        "征地手续延后"));
        OfficeInbox.DeadlineChange change = inbox.deadlineChanges().get(0);
        assertThat(change.subject().unitName()).isEqualTo("自治区财政厅");
        assertThat(change.subject().light().color()).as("M1 missed").isEqualTo(LightColor.RED);
        assertThat(change.requestedBy().name()).isEqualTo("李处长");
        assertThat(change.direction()).isEqualTo("EXTENSION");

        assertThat(inbox.completionClaims()).extracting(c -> c.subject().commitmentId(), c -> c.summary(),
                        c -> c.openMilestones())
                .containsExactly(tuple(development.commitmentId(), "用地预审已完成", 1));
        assertThat(inbox.completionClaims().get(0).claimedAt()).isEqualTo(at("2024-07-11T02:00:00Z"));
        assertThat(inbox.completionClaims().get(0).subject().light().awaitingVerification()).isTrue();

        assertThat(inbox.majorIssues()).extracting(i -> i.subject().commitmentId(), i -> i.issueId(), i -> i.summary(),
                        i -> i.detail())
                .containsExactly(tuple(transport.commitmentId(), "I2", "征地受阻", "涉及基本农田调整"));

        assertThat(inbox.totals()).isEqualTo(new OfficeInbox.Totals(1, 1, 1, 1));
        assertThat(inbox.offset()).isZero();
        assertThat(inbox.escalations()).as("only the case at the office's level")
                .extracting(e -> e.subject().commitmentId(), e -> e.key(), e -> e.milestoneTitle(), e -> e.level(),
                        e -> e.calendarDaysOverdue(), e -> e.urgeCount(), e -> e.lastUrgedAt())
                .containsExactly(tuple(development.commitmentId(), "D1", "完成用地预审", 3, 31L, 1,
                        at("2024-06-27T01:00:00Z")));

        OfficeInbox.LateReports late = inbox.lateReports();
        assertThat(late.roundId()).isEqualTo(ROUND);
        assertThat(late.status()).isEqualTo("OPEN");
        assertThat(late.opened()).isTrue();
        assertThat(late.reportDeadline()).isEqualTo(LocalDate.of(2024, 7, 12));
        assertThat(late.deadlinePassed()).isTrue();
        assertThat(late.units()).extracting(LateUnit::unitId, LateUnit::unitName, LateUnit::notReported)
                .containsExactlyInAnyOrder(
                        tuple(DEVELOPMENT.unitId(), "自治区发展改革委", List.of(development.commitmentId())),
                        tuple(TRANSPORT.unitId(), "自治区交通运输厅", List.of(transport.commitmentId())),
                        tuple(CITY.unitId(), "呼和浩特市人民政府", List.of(city.commitmentId())));
        assertThat(late.units()).extracting(LateUnit::unitId).doesNotContain(FINANCE.unitId());
    }

    @Test
    void aDecisionTakesItsRowOutOfTheInbox() {
        // given
        var approved = new DeadlineChangeApproved(finance, "D1", "M2", LocalDate.of(2025, 3, 31),
                LocalDate.of(2025, 6, 30), "同意", OFFICE);
        commitments.on(approved, commitment(finance, 4, approved, at("2024-07-15T02:00:00Z")));
        var resolved = new MajorIssueResolved(transport.commitmentId(), "I2", "已协调", OFFICE);
        commitments.on(resolved, commitment(transport.commitmentId(), 4, resolved, at("2024-07-15T02:00:00Z")));

        // when
        OfficeInbox inbox = queries().handle(new FindOfficeInbox());

        // then
        assertThat(inbox.deadlineChanges()).isEmpty();
        assertThat(inbox.majorIssues()).isEmpty();
        assertThat(inbox.completionClaims()).hasSize(1);
    }

    @Test
    void saysSoWhenNobodyOpenedTheQuartersRound() {
        // when
        OfficeInbox.LateReports late = queries().handle(new FindOfficeInbox()).lateReports();

        // then
        assertThat(late.roundId()).isEqualTo(ROUND);
        assertThat(late.status()).isEqualTo("NOT_OPENED");
        assertThat(late.opened()).isFalse();
        assertThat(late.units()).isEmpty();
    }

    @Test
    void aPageHoldsTheOldestRowsOfEachListAndTheTotalsCountThemAll() {
        // given five more claims, one a day from July 1st (older than 发展改革委's of July 11th)
        List<String> claimed = new java.util.ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            var c = registered(10 + day, FINANCE, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), List.of());
            commitments.on(c, commitment(c.commitmentId(), 0, c, T0));
            var claim = new CompletionClaimed(c.commitmentId(), "第 " + day + " 项已完成", FINANCE_OFFICIAL);
            commitments.on(claim, commitment(c.commitmentId(), 1, claim, at("2024-07-0" + day + "T02:00:00Z")));
            claimed.add(c.commitmentId());
        }

        // when
        OfficeInbox first = queries().handle(new FindOfficeInbox(0, 2));
        OfficeInbox third = queries().handle(new FindOfficeInbox(4, 2));

        // then
        assertThat(first.completionClaims()).extracting(c -> c.subject().commitmentId())
                .containsExactly(claimed.get(0), claimed.get(1));
        assertThat(third.completionClaims()).extracting(c -> c.subject().commitmentId())
                .containsExactly(claimed.get(4), development.commitmentId());
        assertThat(first.totals().completionClaims()).isEqualTo(6);
        assertThat(third.totals()).isEqualTo(first.totals());
        assertThat(third.offset()).isEqualTo(4);
        assertThat(third.deadlineChanges()).as("the list has one row: none on this page").isEmpty();
        assertThat(first.deadlineChanges()).hasSize(1);
    }

    @Test
    void refusesANegativeOffsetAndALimitOutOfRange() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new FindOfficeInbox(-1, 5));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new FindOfficeInbox(0, 0));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new FindOfficeInbox(0, FindOfficeInbox.MAX_LIMIT + 1));
    }
}
