package io.duban.query.asof;

import io.duban.query.api.asof.AsOfBoard;
import io.duban.command.api.CommitmentStatus;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.Actor;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.FindItemBoard;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.board.ItemBoardQueries;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.ItemsProjection;
import io.duban.query.catalog.PoliciesProjection;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.fixtures.WireMongo;
import io.duban.query.light.BoardProperties;
import io.duban.query.api.light.LightColor;
import io.duban.query.light.TrafficLights;
import io.duban.query.web.BadRequestException;
import io.duban.query.web.NotFoundException;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.EventMessages.policy;
import static io.duban.query.fixtures.SampleEvents.CITY;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * As-of answers against states computed by hand. History (Asia/Shanghai):
 * <pre>
 * 2024-01-05 10:00  policy imported
 * 2024-01-10 10:00  finance registered: 2024-01-01 … 2025-12-31, M1 2024-06-30, M2 2025-03-31
 * 2024-02-01 10:00  city registered: 2024-01-01 … 2024-06-30, no milestones
 * 2024-03-15 10:00  finance 30 %
 * 2024-05-10 10:00  city claims completion; 2024-05-11 10:00 verified
 * 2024-06-20 10:00  finance asks to move M1 to 2024-07-31; approved 2024-06-25 10:00
 * 2024-08-01 01:00  M1 became overdue (due 2024-07-31)
 * 2024-08-20 10:00  M1 completed; 10:05 finance 70 %
 * 2025-12-20 10:00  finance claims completion; 2025-12-28 10:00 verified
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfReplayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BoardProperties PROPERTIES = new BoardProperties(14, 10);
    private static final LocalDate M1_MOVED = LocalDate.of(2024, 7, 31);

    private final String finance = financeRegistered().commitmentId();
    private final CommitmentRegistered cityRegistered = registered(1, CITY, LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 6, 30), List.of());
    private final String city = cityRegistered.commitmentId();
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    private WireMongo wire;
    private MongoClient client;
    private AsOfReplay replay;

    @BeforeAll
    void storeHistory() {
        history.add(policy(POLICY_ID, 0, policyImported(), at(2024, 1, 5, 10, 0)));
        history.add(commitment(finance, 0, financeRegistered(), at(2024, 1, 10, 10, 0)));
        history.add(commitment(city, 0, cityRegistered, at(2024, 2, 1, 10, 0)));
        history.add(commitment(finance, 1, new ProgressReported(finance, 30, 0, "可研编制", null, FINANCE_OFFICIAL),
                at(2024, 3, 15, 10, 0)));
        history.add(commitment(city, 1, new CompletionClaimed(city, "配套已到位", FINANCE_OFFICIAL), at(2024, 5, 10, 10, 0)));
        history.add(commitment(city, 2, new CompletionVerified(city, "同意办结", OFFICE), at(2024, 5, 11, 10, 0)));
        history.add(commitment(finance, 2, new DeadlineChangeRequested(finance, "C1", "M1", LocalDate.of(2024, 6, 30),
                M1_MOVED, "用地手续延迟", FINANCE_OFFICIAL), at(2024, 6, 20, 10, 0)));
        history.add(commitment(finance, 3, new DeadlineChangeApproved(finance, "C1", "M1", LocalDate.of(2024, 6, 30),
                M1_MOVED, "同意", OFFICE), at(2024, 6, 25, 10, 0)));
        history.add(commitment(finance, 4, new MilestoneBecameOverdue(finance, "M1", M1_MOVED, Actor.schedule()),
                at(2024, 8, 1, 1, 0)));
        history.add(commitment(finance, 5, new MilestoneCompleted(finance, "M1", "批复已下达", FINANCE_OFFICIAL),
                at(2024, 8, 20, 10, 0)));
        history.add(commitment(finance, 6, new ProgressReported(finance, 70, 30, "开工", null, FINANCE_OFFICIAL),
                at(2024, 8, 20, 10, 5)));
        history.add(commitment(finance, 7, new CompletionClaimed(finance, "已建成", FINANCE_OFFICIAL), at(2025, 12, 20, 10, 0)));
        history.add(commitment(finance, 8, new CompletionVerified(finance, "同意办结", OFFICE), at(2025, 12, 28, 10, 0)));
        history.sort(Comparator.comparing(DomainEventMessage::getTimestamp));

        InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
        storage.appendEvents(history);
        wire = WireMongo.start();
        client = MongoClients.create(wire.uri());
        Clock today = Clock.fixed(at(2026, 1, 15, 9, 0), SHANGHAI);
        replay = new AsOfReplay(storage, client, today, PROPERTIES);
    }

    @AfterAll
    void stop() {
        client.close();
        wire.close();
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    private AsOfCommitment financeOn(String at) {
        return replay.commitment(finance, AsOfInstant.parse(at, SHANGHAI));
    }

    @Test
    void aDateMeansTheEndOfThatDayInTheBusinessZone() {
        assertThat(AsOfInstant.parse("2024-03-31", SHANGHAI)).isEqualTo(Instant.parse("2024-03-31T15:59:59.999999999Z"));
        assertThat(AsOfInstant.parse("2024-03-31T08:00:00Z", SHANGHAI)).isEqualTo(Instant.parse("2024-03-31T08:00:00Z"));
        assertThat(AsOfInstant.parse("2024-03-31T16:00+08:00", SHANGHAI)).isEqualTo(Instant.parse("2024-03-31T08:00:00Z"));
        assertThat(AsOfInstant.parse("2024-03-31T16:00", SHANGHAI)).isEqualTo(Instant.parse("2024-03-31T08:00:00Z"));
        assertThatThrownBy(() -> AsOfInstant.parse("31.03.2024", SHANGHAI)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> AsOfInstant.parse(null, SHANGHAI)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void beforeItsRegistrationACommitmentIsNotFound() {
        assertThatThrownBy(() -> financeOn("2024-01-09")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(finance);
        assertThatThrownBy(() -> replay.commitment("nope.1.u0", Instant.now())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void afterTheFirstProgressReportOnTrack() {
        AsOfCommitment state = financeOn("2024-03-31");

        assertThat(state.day()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(state.events()).isEqualTo(2);
        assertThat(state.lastEventAt()).isEqualTo(at(2024, 3, 15, 10, 0));
        assertThat(state.commitment().commitment().progress()).isEqualTo(30);
        assertThat(state.commitment().commitment().status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(state.commitment().commitment().milestones()).extracting(MilestoneView::dueDate)
                .containsExactly(LocalDate.of(2024, 6, 30), LocalDate.of(2025, 3, 31));
        // 90 of 730 days gone: the plan asks 12 %, 30 % is ahead; M1 is 91 days away
        assertThat(state.commitment().light().color()).isEqualTo(LightColor.GREEN);
    }

    @Test
    void whileTheDeadlineChangeWasPendingM1WasDueSoonAndOnceApprovedItWasNot() {
        AsOfCommitment pending = financeOn("2024-06-24");
        assertThat(pending.commitment().commitment().pendingDeadlineChanges()).hasSize(1);
        assertThat(pending.commitment().commitment().milestones().get(0).dueDate()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(pending.commitment().light().color()).as("M1 due in 6 days").isEqualTo(LightColor.YELLOW);

        AsOfCommitment approved = financeOn("2024-06-26");
        assertThat(approved.commitment().commitment().pendingDeadlineChanges()).isEmpty();
        assertThat(approved.commitment().commitment().milestones().get(0).dueDate()).isEqualTo(M1_MOVED);
        // M1 35 days away; 177 of 730 days gone: plan 24 %, progress 30 %
        assertThat(approved.commitment().light().color()).isEqualTo(LightColor.GREEN);
    }

    @Test
    void overdueUntilTheMilestoneWasCompletedToTheMinute() {
        AsOfCommitment overdue = financeOn("2024-08-01");
        MilestoneView m1 = overdue.commitment().commitment().milestones().get(0);
        assertThat(m1.overdue()).isTrue();
        assertThat(m1.overdueSince()).isEqualTo(at(2024, 8, 1, 1, 0));
        assertThat(overdue.commitment().light().color()).isEqualTo(LightColor.RED);
        assertThat(overdue.commitment().light().reasons()).containsExactly("M1 已逾期 1 天（2024-07-31）");

        AsOfCommitment morningOfCompletion = financeOn("2024-08-20T09:59:59+08:00");
        assertThat(morningOfCompletion.events()).isEqualTo(5);
        assertThat(morningOfCompletion.commitment().light().reasons()).containsExactly("M1 已逾期 20 天（2024-07-31）");

        AsOfCommitment completed = financeOn("2024-08-20");
        m1 = completed.commitment().commitment().milestones().get(0);
        assertThat(m1.completed()).isTrue();
        assertThat(m1.overdue()).isFalse();
        assertThat(m1.overdueDueDate()).as("kept as history").isEqualTo(M1_MOVED);
        assertThat(completed.commitment().commitment().progress()).isEqualTo(70);
        // M2 223 days away; 232 of 730 days gone: plan 32 %, progress 70 %
        assertThat(completed.commitment().light().color()).isEqualTo(LightColor.GREEN);
    }

    @Test
    void claimedThenVerified() {
        assertThat(financeOn("2025-12-21").commitment().commitment().status()).isEqualTo(CommitmentStatus.COMPLETION_CLAIMED);
        AsOfCommitment verified = financeOn("2025-12-31");
        assertThat(verified.events()).isEqualTo(history.stream().filter(e -> e.getAggregateIdentifier().equals(finance)).count());
        assertThat(verified.commitment().commitment().status()).isEqualTo(CommitmentStatus.VERIFIED);
        assertThat(verified.commitment().light().color()).isEqualTo(LightColor.DONE);
    }

    @Test
    void theBoardOnAPastDate() {
        AsOfBoard board = replay.board(POLICY_ID, AsOfInstant.parse("2024-03-31", SHANGHAI));

        assertThat(board.events()).as("import, two registrations, one progress report").isEqualTo(4);
        assertThat(board.items()).extracting(entry -> entry.item().number()).containsExactly(1, 2);
        ItemBoardEntry first = board.items().get(0);
        assertThat(first.commitments()).extracting(CommitmentSummary::unitName, CommitmentSummary::progress,
                        summary -> summary.light().color())
                .containsExactly(tuple("呼和浩特市人民政府", 0, LightColor.YELLOW), tuple("自治区财政厅", 30, LightColor.GREEN));
        assertThat(first.progress().overallProgress()).as("(30 + unregistered 0) / 2").isEqualTo(15.0);
        assertThat(first.light().color()).as("the city lags its plan: 90 of 181 days gone, 0 %")
                .isEqualTo(LightColor.YELLOW);
        assertThat(board.items().get(1).light().color()).isEqualTo(LightColor.NONE);

        AsOfBoard later = replay.board(POLICY_ID, AsOfInstant.parse("2024-08-01", SHANGHAI));
        assertThat(later.items().get(0).commitments()).extracting(CommitmentSummary::unitName, s -> s.light().color())
                .containsExactly(tuple("呼和浩特市人民政府", LightColor.DONE), tuple("自治区财政厅", LightColor.RED));
    }

    /** The query bus runs its handlers in a unit of work: the replay's writes must still reach the scratch database. */
    @Test
    void throughTheQueryBusInsideAUnitOfWorkTheBoardIsTheSame() {
        Instant at = AsOfInstant.parse("2024-03-31", SHANGHAI);
        AsOfBoard direct = replay.board(POLICY_ID, at);
        var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                org.axonframework.messaging.GenericMessage.asMessage(new io.duban.query.api.asof.FindBoardAsOf(
                        POLICY_ID, at)));
        AsOfBoard viaBus;
        try {
            viaBus = new AsOfQueries(replay).handle(new io.duban.query.api.asof.FindBoardAsOf(POLICY_ID, at));
        } finally {
            unitOfWork.commit();
        }
        assertThat(viaBus.items()).hasSize(2).isEqualTo(direct.items());
        assertThat(viaBus.events()).isEqualTo(direct.events());
    }

    @Test
    void beforeThePolicyWasImportedTheBoardHasNoSuchPolicy() {
        Instant before = AsOfInstant.parse("2024-01-04", SHANGHAI);
        assertThatThrownBy(() -> replay.board(POLICY_ID, before)).isInstanceOf(NotFoundException.class)
                .as("the answer says the instant lies before the import, in the business zone too")
                .hasMessageContaining("早于第一条事件").hasMessageContaining("Asia/Shanghai 2024-01-04T23:59:59");
        assertThat(replay.board(null, before).items()).isEmpty();
    }

    @Test
    void theBoardAsOfAnInstantEqualsTheBoardTheViewsShowWhenFedTheSameEvents() {
        for (Instant at : List.of(at(2024, 2, 1, 12, 0), at(2024, 6, 24, 12, 0), at(2024, 8, 20, 10, 1), at(2026, 1, 1, 0, 0))) {
            MongoTemplate live = new MongoTemplate(client, "live" + at.getEpochSecond());
            try {
                List<AnnotationEventHandlerAdapter> projections = List.of(
                        new AnnotationEventHandlerAdapter(new PoliciesProjection(live)),
                        new AnnotationEventHandlerAdapter(new ItemsProjection(live)),
                        new AnnotationEventHandlerAdapter(new UnitsProjection(live)),
                        new AnnotationEventHandlerAdapter(new CommitmentsProjection(live)));
                for (DomainEventMessage<?> event : history) {
                    if (!event.getTimestamp().isAfter(at)) {
                        for (AnnotationEventHandlerAdapter projection : projections) {
                            if (projection.canHandle(event)) {
                                projection.handle(event);
                            }
                        }
                    }
                }
                TrafficLights lights = new TrafficLights(Clock.fixed(at, SHANGHAI), PROPERTIES);
                List<ItemBoardEntry> expected = new ItemBoardQueries(new CatalogReader(live), new CommitmentReader(live),
                        lights).handle(new FindItemBoard(null));

                assertThat(replay.board(null, at).items()).as("as of %s", at).isEqualTo(expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                live.getDb().drop();
            }
        }
    }

    @Test
    void theScratchDatabasesAreDropped() {
        replay.board(POLICY_ID, Instant.now());
        financeOn("2024-08-01");
        assertThatThrownBy(() -> financeOn("2024-01-01")).isInstanceOf(NotFoundException.class);
        List<String> names = new ArrayList<>();
        client.listDatabaseNames().forEach(names::add);
        assertThat(names).noneMatch(name -> name.startsWith("duban_asof_"));
    }
}
