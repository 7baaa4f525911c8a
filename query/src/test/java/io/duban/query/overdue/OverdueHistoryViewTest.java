package io.duban.query.overdue;

import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import io.duban.query.api.overdue.FindOverdueHistory;
import io.duban.query.api.overdue.OverdueHistory;
import io.duban.query.fixtures.WireMongoTest;
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
import static io.duban.query.fixtures.SampleEvents.CITY;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * July 2024 in Shanghai, read on 07-12. 财政厅: M1 (due 06-30) overdue from 07-01, completed 07-05; its final date
 * (due 07-02) overdue from 07-03, moved by an approved change on 07-10. 发展改革委: its final date (due 07-01) overdue
 * from 07-02, verified 07-06, sent back 07-08. 呼和浩特市: M1 overdue and completed on 07-04. The scheduler records a
 * date at 00:00 of the next day, which is still the day before in UTC.
 */
class OverdueHistoryViewTest extends WireMongoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock JULY_12 = Clock.fixed(Instant.parse("2024-07-12T02:00:00Z"), SHANGHAI);

    private final CommitmentRegistered financeRegistered = registered(1, FINANCE, LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 7, 2), List.of(new Milestone("M1", "完成可研", LocalDate.of(2024, 6, 30))));
    private final CommitmentRegistered developmentRegistered = registered(1, DEVELOPMENT, LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 7, 1), List.of());
    private final CommitmentRegistered cityRegistered = registered(1, CITY, LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31), List.of(new Milestone("M1", "配套到位", LocalDate.of(2024, 7, 3))));
    private final String finance = financeRegistered.commitmentId();
    private final String development = developmentRegistered.commitmentId();
    private final String city = cityRegistered.commitmentId();
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    private OverdueHistoryProjection projection;
    private OverdueHistoryQueries queries;

    @BeforeEach
    void setUp() {
        projection = new OverdueHistoryProjection(mongo);
        queries = new OverdueHistoryQueries(mongo, JULY_12);
        history.add(commitment(finance, 0, financeRegistered, at("2024-01-05T10:00")));
        history.add(commitment(finance, 1, new MilestoneCompleted(finance, "M0", "不存在的节点", FINANCE_OFFICIAL),
                at("2024-03-01T10:00"))); // before anything was overdue: closes nothing
        history.add(commitment(finance, 2, overdue(finance, "M1", "2024-06-30"), at("2024-07-01T00:00")));
        history.add(commitment(finance, 3, overdue(finance, null, "2024-07-02"), at("2024-07-03T00:00")));
        history.add(commitment(finance, 4, new ProgressReported(finance, 60, 0, "推进中", null, FINANCE_OFFICIAL),
                at("2024-07-04T09:00")));
        history.add(commitment(finance, 5, new MilestoneCompleted(finance, "M1", "可研已批复", FINANCE_OFFICIAL),
                at("2024-07-05T15:00")));
        history.add(commitment(finance, 6, new DeadlineChangeApproved(finance, "D1", null, LocalDate.of(2024, 7, 2),
                LocalDate.of(2024, 9, 30), "同意", OFFICE), at("2024-07-10T11:00")));
        history.add(commitment(development, 0, developmentRegistered, at("2024-01-05T10:00")));
        history.add(commitment(development, 1, overdue(development, null, "2024-07-01"), at("2024-07-02T00:00")));
        history.add(commitment(development, 2, new CompletionVerified(development, "同意办结", OFFICE),
                at("2024-07-06T16:00")));
        history.add(commitment(development, 3, new CommitmentReopened(development, "佐证不足", OFFICE),
                at("2024-07-08T09:30")));
        history.add(commitment(city, 0, cityRegistered, at("2024-01-05T10:00")));
        history.add(commitment(city, 1, overdue(city, "M1", "2024-07-03"), at("2024-07-04T00:00")));
        history.add(commitment(city, 2, new MilestoneCompleted(city, "M1", "已到位", FINANCE_OFFICIAL),
                at("2024-07-04T17:00")));
    }

    @Test
    void eachDayCountsTheCasesOpenAtItsEndInTheBusinessZone() {
        history.forEach(this::apply);

        OverdueHistory answer = queries.handle(new FindOverdueHistory(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 7, 20)));

        assertThat(answer.asOf()).isEqualTo(LocalDate.of(2024, 7, 12));
        assertThat(answer.days()).as("up to today, not beyond").hasSize(13);
        assertThat(answer.days()).extracting(OverdueHistory.Day::day)
                .startsWith(LocalDate.of(2024, 6, 30)).endsWith(LocalDate.of(2024, 7, 12));
        // [due dates, commitments] at the end of 06-30, 07-01, … 07-12
        assertThat(answer.days()).extracting(d -> List.of(d.dueDates(), d.commitments())).containsExactly(
                List.of(0, 0), // 06-30: 财政厅 M1 was recorded at 00:00 on 07-01 (16:00 UTC on 06-30)
                List.of(1, 1), // 07-01: 财政厅 M1
                List.of(2, 2), // 07-02: + 发展改革委's final date
                List.of(3, 2), // 07-03: + 财政厅's final date: two due dates of one commitment
                List.of(3, 2), // 07-04: 呼和浩特市 M1 was overdue and done the same day: not at the day's end
                List.of(2, 2), // 07-05: 财政厅 M1 completed
                List.of(1, 1), // 07-06: 发展改革委 verified
                List.of(1, 1),
                List.of(2, 2), // 07-08: 发展改革委 sent back: its missed final date is overdue again
                List.of(2, 2),
                List.of(1, 1), // 07-10: 财政厅's final date moved by an approved change
                List.of(1, 1),
                List.of(1, 1));
    }

    @Test
    void aPeriodStartingLaterCarriesWhatWasOpenBeforeIt() {
        history.forEach(this::apply);

        OverdueHistory answer = queries.handle(new FindOverdueHistory(LocalDate.of(2024, 7, 9), LocalDate.of(2024, 7, 10)));

        assertThat(answer.days()).extracting(d -> List.of(d.dueDates(), d.commitments()))
                .containsExactly(List.of(2, 2), List.of(1, 1));
    }

    @Test
    void anApprovedDateThatPassesTooOpensANewCaseAndARepeatedRecordCountsOnce() {
        history.forEach(this::apply);
        apply(commitment(finance, 7, overdue(finance, null, "2024-07-10"), at("2024-07-11T00:00")));
        apply(commitment(development, 4, overdue(development, null, "2024-07-01"), at("2024-07-11T00:00")));

        OverdueHistory answer = queries.handle(new FindOverdueHistory(LocalDate.of(2024, 7, 10), LocalDate.of(2024, 7, 11)));

        assertThat(answer.days()).extracting(d -> List.of(d.dueDates(), d.commitments()))
                .containsExactly(List.of(1, 1), List.of(2, 2));
    }

    @Test
    void onlyCommitmentsThatWereOverdueHaveADocument() {
        apply(commitment(finance, 0, financeRegistered, at("2024-01-05T10:00")));
        apply(commitment(finance, 1, new MilestoneCompleted(finance, "M1", "提前完成", FINANCE_OFFICIAL),
                at("2024-06-01T10:00")));

        assertThat(documents()).isEmpty();
        assertThat(queries.handle(new FindOverdueHistory(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 1))).days())
                .singleElement().satisfies(d -> assertThat(List.of(d.dueDates(), d.commitments())).containsExactly(0, 0));
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        history.forEach(this::apply);
        List<Document> once = documents();

        history.forEach(this::apply);
        apply(history.get(3)); // an older event after newer ones

        assertThat(documents()).isEqualTo(once);
        assertThat(once).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder(finance, development, city);
        assertThat(once).filteredOn(d -> d.getString("_id").equals(finance)).singleElement()
                .satisfies(d -> assertThat(d.getList("steps", Document.class)).extracting(s -> s.getString("kind"))
                        .containsExactly("OVERDUE", "OVERDUE", "COMPLETED", "DEADLINE_CHANGED"));
    }

    @Test
    void resetAndReplayGiveTheSameDocumentsAndTheSameAnswer() {
        history.forEach(this::apply);
        List<Document> before = documents();
        FindOverdueHistory july = new FindOverdueHistory(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 12));
        OverdueHistory answer = queries.handle(july);

        projection.reset();
        assertThat(documents()).isEmpty();
        history.forEach(this::apply);

        assertThat(documents()).isEqualTo(before);
        assertThat(queries.handle(july)).isEqualTo(answer);
    }

    @Test
    void aMissingReversedOrTooLongPeriodIsRefused() {
        assertThatThrownBy(() -> queries.handle(new FindOverdueHistory(null, LocalDate.of(2024, 7, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("请给出起止日期。");
        assertThatThrownBy(() -> queries.handle(new FindOverdueHistory(LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("截止日期不能早于起始日期。");
        assertThatThrownBy(() -> queries.handle(new FindOverdueHistory(LocalDate.of(2021, 7, 1), LocalDate.of(2024, 7, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("起止日期最多相隔三年。");
        assertThat(queries.handle(new FindOverdueHistory(LocalDate.of(2021, 7, 11), LocalDate.of(2024, 7, 11))).days())
                .as("three years and a day is allowed").hasSize(FindOverdueHistory.MAX_DAYS);
    }

    @Test
    void aPeriodAfterTodayHasNoDays() {
        history.forEach(this::apply);

        assertThat(queries.handle(new FindOverdueHistory(LocalDate.of(2024, 8, 1), LocalDate.of(2024, 8, 31))).days())
                .isEmpty();
    }

    private static MilestoneBecameOverdue overdue(String commitmentId, String milestoneId, String dueDate) {
        return new MilestoneBecameOverdue(commitmentId, milestoneId, LocalDate.parse(dueDate), Actor.schedule());
    }

    /** A Shanghai wall-clock time, e.g. 2024-07-01T00:00. */
    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private List<Document> documents() {
        return mongo.getCollection(OverdueHistoryProjection.COLLECTION).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }

    /** Calls the projection's handler for the message's payload, as Axon would; events it does not handle pass by. */
    private void apply(DomainEventMessage<?> message) {
        try {
            for (Method method : OverdueHistoryProjection.class.getMethods()) {
                if (method.isAnnotationPresent(EventHandler.class)
                        && method.getParameterTypes()[0].isInstance(message.getPayload())) {
                    method.invoke(projection, message.getPayload(), message);
                    return;
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
