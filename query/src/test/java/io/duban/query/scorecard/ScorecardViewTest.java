package io.duban.query.scorecard;

import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.dispatch.CommitmentsJoinedDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
import io.duban.query.api.scorecard.FindScorecard;
import io.duban.query.api.scorecard.Scorecard;
import io.duban.query.api.scorecard.Scorecard.UnitScore;
import io.duban.query.board.UnitBoardQueries;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.commitment.BoardRowReader;
import io.duban.query.api.scorecard.FindOnTimeRates;
import io.duban.query.api.scorecard.OnTimeRates;
import io.duban.query.commitment.BoardRowsProjection;
import io.duban.query.fixtures.CommitmentViews;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.light.BoardProperties;
import io.duban.query.light.TrafficLights;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.EventMessages.message;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.TRANSPORT;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 财政厅 item 1: M1 due 2024-06-30, moved to 2024-09-30 (approved), done 2024-10-05 (5 days late); M2 due 2025-03-31
 * never done; a major issue raised and resolved; Q3 reported late, Q4 not at all. 发展改革委 item 1: M1 due
 * 2024-03-31 done on 2024-03-20; both quarters reported on time. Read on 2025-06-01.
 */
class ScorecardViewTest extends WireMongoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final Clock JUNE_2025 = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), SHANGHAI);
    private static final LocalDate Y2024 = LocalDate.of(2024, 1, 1);
    private static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);

    private final String finance = financeRegistered().commitmentId();
    private final CommitmentRegistered development = registered(1, DEVELOPMENT, LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31), List.of(new Milestone("M1", "完成选址", LocalDate.of(2024, 3, 31))));
    private final String dev = development.commitmentId();
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    private ScorecardProjection projection;
    private ScorecardQueries queries;

    @BeforeEach
    void setUp() {
        var imported = policyImported();
        new UnitsProjection(mongo).on(imported);
        CommitmentsProjection commitments = new CommitmentsProjection(mongo);
        commitments.on(financeRegistered(), commitment(finance, 0, financeRegistered(), T0));
        commitments.on(development, commitment(dev, 0, development, T0));
        BoardRowsProjection rows = new BoardRowsProjection(mongo, new TrafficLights(JUNE_2025, new BoardProperties(14, 10)));
        rows.on(financeRegistered(), commitment(finance, 0, financeRegistered(), T0));
        rows.on(development, commitment(dev, 0, development, T0));
        projection = new ScorecardProjection(mongo);
        queries = new ScorecardQueries(mongo, units(JUNE_2025), JUNE_2025);

        history.add(commitment(finance, 0, financeRegistered(), T0));
        history.add(commitment(finance, 1, new DeadlineChangeRequested(finance, "D1", "M1", LocalDate.of(2024, 6, 30),
                LocalDate.of(2024, 9, 30), "征地延迟", FINANCE_OFFICIAL), at("2024-05-01")));
        history.add(commitment(finance, 2, new DeadlineChangeApproved(finance, "D1", "M1", LocalDate.of(2024, 6, 30),
                LocalDate.of(2024, 9, 30), "同意", OFFICE), at("2024-05-02")));
        history.add(commitment(finance, 3, new DeadlineChangeRequested(finance, "D2", "M2", LocalDate.of(2025, 3, 31),
                LocalDate.of(2025, 9, 30), "再延", FINANCE_OFFICIAL), at("2024-06-01")));
        history.add(commitment(finance, 4, new DeadlineChangeRejected(finance, "D2", "M2", "理由不足", OFFICE),
                at("2024-06-02")));
        history.add(commitment(finance, 5, new MajorIssueRaised(finance, "I1", "征地受阻", "两户未签约", FINANCE_OFFICIAL),
                at("2024-04-01")));
        history.add(commitment(finance, 6, new MajorIssueResolved(finance, "I1", "已签约", OFFICE), at("2024-08-01")));
        history.add(commitment(finance, 7, new MilestoneCompleted(finance, "M1", "批复", FINANCE_OFFICIAL), at("2024-10-05")));
        history.add(commitment(dev, 0, development, T0));
        history.add(commitment(dev, 1, new MilestoneCompleted(dev, "M1", "选址完成", FINANCE_OFFICIAL), at("2024-03-20")));
        history.add(round("2024-Q3", 0, new DispatchRoundOpened("2024-Q3", LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 9, 30), LocalDate.of(2024, 7, 12), List.of(finance, dev), Actor.schedule()), at("2024-07-01")));
        history.add(round("2024-Q3", 1, report("2024-Q3", dev, at("2024-07-05"), false), at("2024-07-05")));
        history.add(round("2024-Q3", 2, report("2024-Q3", finance, at("2024-07-20"), true), at("2024-07-20")));
        history.add(round("2024-Q3", 3, new DispatchRoundClosed("2024-Q3", LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 9, 30), List.of(dev, finance), List.of(), Actor.schedule()), at("2024-10-08")));
        history.add(round("2024-Q4", 0, new DispatchRoundOpened("2024-Q4", LocalDate.of(2024, 10, 1),
                LocalDate.of(2024, 12, 31), LocalDate.of(2024, 10, 18), List.of(finance), Actor.schedule()), at("2024-10-08")));
        // 发展改革委 reports before the round listed it: it owes (and made) the report all the same
        history.add(round("2024-Q4", 1, report("2024-Q4", dev, at("2024-10-10"), false), at("2024-10-10")));
    }

    @Test
    void theYearSumsEveryUnitsFactsAndRanksThem() {
        history.forEach(this::apply);

        Scorecard card = queries.handle(new FindScorecard(Y2024, END_2024));

        assertThat(card.asOf()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(card.units()).extracting(UnitScore::unitName)
                .startsWith(DEVELOPMENT.name(), FINANCE.name());
        UnitScore first = card.units().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.score()).isEqualTo(100.0);
        assertThat(List.of(first.milestonesDue(), first.milestonesOnTime(), first.reportsDue(), first.reportsOnTime()))
                .containsExactly(1, 1, 2, 2);
        UnitScore second = card.units().get(1);
        assertThat(second.rank()).isEqualTo(2);
        // M1 is judged against its approved date (09-30): 5 days late; M2 is due next year
        assertThat(List.of(second.milestonesDue(), second.milestonesOnTime(), second.milestonesLate(), second.milestonesOverdue()))
                .containsExactly(1, 0, 1, 0);
        assertThat(second.daysLate()).isEqualTo(5);
        assertThat(second.maxDaysLate()).isEqualTo(5);
        // Q3 late, Q4 missing (its deadline 10-18 passed, nothing came)
        assertThat(List.of(second.reportsDue(), second.reportsOnTime(), second.reportsLate(), second.reportsMissing()))
                .containsExactly(2, 0, 1, 1);
        assertThat(List.of(second.changesRequested(), second.changesApproved(), second.issuesRaised(), second.issuesResolved()))
                .containsExactly(2, 1, 1, 1);
        // 60 × 0 + 40 × (0.5 × 1) / 2 − 5 × 1
        assertThat(second.score()).isEqualTo(5.0);
        assertThat(card.units()).filteredOn(u -> !u.ranked()).allSatisfy(u -> assertThat(u.rank()).isZero());
    }

    @Test
    void aMilestoneStillOpenCountsItsDaysLateUpToTheDayRead() {
        history.forEach(this::apply);

        Scorecard card = queries.handle(new FindScorecard(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));

        UnitScore financeScore = card.units().stream().filter(u -> u.unitId().equals(FINANCE.unitId())).findFirst().orElseThrow();
        assertThat(financeScore.milestonesOverdue()).isEqualTo(1);
        assertThat(financeScore.daysLate()).isEqualTo(62);
        assertThat(financeScore.score()).isEqualTo(0.0);
        UnitScore developmentScore = card.units().stream().filter(u -> u.unitId().equals(DEVELOPMENT.unitId())).findFirst().orElseThrow();
        assertThat(developmentScore.ranked()).as("nothing due in 2025").isFalse();
        assertThat(card.units().get(0).unitId()).isEqualTo(FINANCE.unitId());
    }

    @Test
    void aPeriodOnlyCountsWhatFallsInIt() {
        history.forEach(this::apply);

        UnitScore financeScore = queries.handle(new FindScorecard(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31)))
                .units().stream().filter(u -> u.unitId().equals(FINANCE.unitId())).findFirst().orElseThrow();

        assertThat(List.of(financeScore.milestonesDue(), financeScore.reportsDue(), financeScore.reportsLate(),
                financeScore.changesRequested(), financeScore.issuesRaised())).containsExactly(0, 1, 1, 0, 0);
    }

    @Test
    void aCommitmentListedAfterTheReportDeadlineOwesItsReportByTheQuartersEnd() {
        history.forEach(this::apply);
        String transport = registered(2, TRANSPORT, LocalDate.of(2024, 10, 25), LocalDate.of(2026, 12, 31), List.of())
                .commitmentId();
        apply(round("2024-Q4", 2, new CommitmentsJoinedDispatchRound("2024-Q4", LocalDate.of(2024, 10, 18),
                List.of(transport), Actor.schedule()), at("2024-11-01")));
        FindScorecard year = new FindScorecard(Y2024, END_2024);

        Clock november = Clock.fixed(Instant.parse("2024-11-15T02:00:00Z"), SHANGHAI);
        UnitScore inNovember = score(new ScorecardQueries(mongo, units(november), november).handle(year), TRANSPORT.unitId());
        UnitScore later = score(queries.handle(year), TRANSPORT.unitId());

        assertThat(inNovember.reportsDue()).as("not due before 12-31").isZero();
        assertThat(List.of(later.reportsDue(), later.reportsMissing())).containsExactly(1, 1);
        assertThat(later.score()).isEqualTo(0.0);
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        history.forEach(this::apply);
        List<Document> once = documents();

        history.forEach(this::apply);
        apply(history.get(2)); // the approval after the completion: older than what the entry has seen

        assertThat(documents()).isEqualTo(once);
        assertThat(once).extracting(d -> d.getString("_id"))
                .containsExactly("round:2024-Q3", "round:2024-Q4", "unit:" + DEVELOPMENT.unitId() + "~" + POLICY_ID,
                        "unit:" + FINANCE.unitId() + "~" + POLICY_ID);
    }

    @Test
    void resetAndReplayGiveTheSameDocuments() {
        history.forEach(this::apply);
        List<Document> before = documents();

        projection.reset();
        assertThat(documents()).isEmpty();
        history.forEach(this::apply);

        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void theOnTimeRatesFromTheBoardDigestsCountAsTheScorecardDoes() {
        // given the history in the scorecard and in the board rows (whose digests the rates read)
        history.forEach(this::apply);
        CommitmentViews boards = new CommitmentViews(mongo);
        history.stream().filter(m -> m.getAggregateIdentifier().equals(finance) || m.getAggregateIdentifier().equals(dev))
                .forEach(m -> boards.on(m.getPayload(), m));
        OnTimeQueries rates = new OnTimeQueries(new BoardRowReader(mongo), new CatalogReader(mongo), JUNE_2025);

        for (FindScorecard period : List.of(new FindScorecard(Y2024, END_2024),
                new FindScorecard(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                new FindScorecard(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31)))) {
            // when
            OnTimeRates answer = rates.handle(new FindOnTimeRates(period.from(), period.to()));
            Scorecard card = queries.handle(period);

            // then
            assertThat(answer.units()).as(period.toString())
                    .extracting(u -> u.unitId() + " " + u.milestonesDue() + "/" + u.milestonesOnTime() + "/"
                            + u.milestonesLate() + "/" + u.milestonesOverdue())
                    .containsExactlyInAnyOrderElementsOf(card.units().stream()
                            .filter(u -> u.unitId().equals(FINANCE.unitId()) || u.unitId().equals(DEVELOPMENT.unitId()))
                            .map(u -> u.unitId() + " " + u.milestonesDue() + "/" + u.milestonesOnTime() + "/"
                                    + u.milestonesLate() + "/" + u.milestonesOverdue()).toList());
        }
        assertThat(rates.handle(new FindOnTimeRates(Y2024, END_2024)).units())
                .as("something was due, so the comparison above can fail")
                .anyMatch(u -> u.milestonesDue() > 0 && u.milestonesOnTime() > 0);
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> queries.handle(new FindScorecard(END_2024, Y2024)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("截止日期不能早于起始日期");
    }

    private UnitBoardQueries units(Clock clock) {
        return new UnitBoardQueries(new CatalogReader(mongo), new CommitmentReader(mongo),
                new TrafficLights(clock, new BoardProperties(14, 10)), new BoardRowReader(mongo));
    }

    private static UnitScore score(Scorecard card, String unitId) {
        return card.units().stream().filter(u -> u.unitId().equals(unitId)).findFirst().orElseThrow();
    }

    private List<Document> documents() {
        return mongo.getCollection(ScorecardProjection.COLLECTION).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    private static Instant at(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    private static QuarterlyReportRecorded report(String roundId, String commitmentId, Instant at, boolean late) {
        return new QuarterlyReportRecorded(roundId, commitmentId, 50, "季度进展", FINANCE_OFFICIAL, at, late,
                Actor.system("季度调度登记"));
    }

    private static <T> DomainEventMessage<T> round(String roundId, long sequence, T payload, Instant at) {
        return message("DispatchRound", roundId, sequence, payload, at);
    }

    /** Calls the projection's handler for the message's payload, as Axon would. */
    private void apply(DomainEventMessage<?> message) {
        try {
            for (Method method : ScorecardProjection.class.getMethods()) {
                if (method.isAnnotationPresent(EventHandler.class)
                        && method.getParameterTypes()[0].isInstance(message.getPayload())) {
                    method.invoke(projection, message.getPayload(), message);
                    return;
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("no handler for " + message.getPayloadType());
    }

}
