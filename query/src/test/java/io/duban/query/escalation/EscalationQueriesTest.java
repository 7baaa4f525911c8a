package io.duban.query.escalation;

import io.duban.query.api.escalation.FindEscalations;
import io.duban.query.api.escalation.EscalationEntry;
import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentUrged;
import io.duban.command.api.EscalationEndReason;
import io.duban.command.api.EscalationEnded;
import io.duban.command.api.EscalationPauseReason;
import io.duban.command.api.EscalationPaused;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.Milestone;
import io.duban.command.api.calendar.WorkingCalendar;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.ItemsProjection;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.fixtures.WireMongoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * Today is Friday 2024-07-12 (working days: Monday–Friday). Open cases: 财政厅 item 1 M1 (due Sunday 2024-06-30,
 * level 2, paused by a progress report), 发展改革委 item 1 D1 (due 2024-06-14, level 3), 交通运输厅 item 2's final due
 * date (2024-07-05, level 1). 呼和浩特市 item 1 had a case that ended: not listed.
 */
class EscalationQueriesTest extends WireMongoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2024-07-12T03:00:00Z"), SHANGHAI);
    private static final List<Integer> LADDER = List.of(3, 7);

    private final String finance = financeRegistered().commitmentId();
    private final CommitmentRegistered development = registered(1, DEVELOPMENT, LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31), List.of(new Milestone("D1", "完成用地预审", LocalDate.of(2024, 6, 14))));
    private final CommitmentRegistered transport = registered(2, TRANSPORT, LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 7, 5), List.of());
    private final CommitmentRegistered city = registered(1, CITY, LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31), List.of(new Milestone("C1", "完成选址", LocalDate.of(2024, 5, 31))));

    private CommitmentsProjection projection;

    @BeforeEach
    void setUp() {
        var imported = policyImported();
        new ItemsProjection(mongo).on(imported, policy(POLICY_ID, 0, imported, T0));
        projection = new CommitmentsProjection(mongo);
        projection.on(financeRegistered(), commitment(finance, 0, financeRegistered(), T0));
        projection.on(development, commitment(development.commitmentId(), 0, development, T0));
        projection.on(transport, commitment(transport.commitmentId(), 0, transport, T0));
        projection.on(city, commitment(city.commitmentId(), 0, city, T0));

        LocalDate financeDue = LocalDate.of(2024, 6, 30);
        started(finance, 1, "M1", financeDue, "2024-07-01T01:00:00Z");
        raised(finance, 2, "M1", financeDue, 2, "2024-07-04T01:00:00Z");
        var paused = new EscalationPaused(finance, "M1", financeDue, 2, EscalationPauseReason.PROGRESS_REPORTED,
                FINANCE_OFFICIAL);
        projection.on(paused, commitment(finance, 3, paused, Instant.parse("2024-07-05T02:00:00Z")));

        LocalDate developmentDue = LocalDate.of(2024, 6, 14);
        started(development.commitmentId(), 1, "D1", developmentDue, "2024-06-17T01:00:00Z");
        raised(development.commitmentId(), 2, "D1", developmentDue, 2, "2024-06-20T01:00:00Z");
        raised(development.commitmentId(), 3, "D1", developmentDue, 3, "2024-06-26T01:00:00Z");

        started(transport.commitmentId(), 1, null, LocalDate.of(2024, 7, 5), "2024-07-08T01:00:00Z");

        LocalDate cityDue = LocalDate.of(2024, 5, 31);
        started(city.commitmentId(), 1, "C1", cityDue, "2024-06-03T01:00:00Z");
        var ended = new EscalationEnded(city.commitmentId(), "C1", cityDue, 1, EscalationEndReason.MILESTONE_COMPLETED,
                FINANCE_OFFICIAL);
        projection.on(ended, commitment(city.commitmentId(), 2, ended, Instant.parse("2024-06-04T01:00:00Z")));
    }

    private void started(String commitmentId, long sequence, String milestoneId, LocalDate due, String at) {
        var event = new EscalationStarted(commitmentId, milestoneId, due, LADDER, Actor.schedule());
        projection.on(event, commitment(commitmentId, sequence, event, Instant.parse(at)));
    }

    private void raised(String commitmentId, long sequence, String milestoneId, LocalDate due, int level, String at) {
        var event = new EscalationRaised(commitmentId, milestoneId, due, level, Actor.schedule());
        projection.on(event, commitment(commitmentId, sequence, event, Instant.parse(at)));
    }

    private EscalationQueries queries(WorkingCalendar calendar) {
        return new EscalationQueries(new CommitmentReader(mongo), new CatalogReader(mongo), TODAY, calendar);
    }

    @Test
    void listsTheOpenCasesLevelThreeFirstWithTheDaysOverdueCountedToday() {
        // when
        List<EscalationEntry> list = queries(new WeekendsOnly()).handle(FindEscalations.all());

        // then
        assertThat(list).extracting(EscalationEntry::commitmentId, EscalationEntry::milestoneId,
                        EscalationEntry::milestoneTitle, EscalationEntry::dueDate, EscalationEntry::level,
                        EscalationEntry::paused, EscalationEntry::workingDaysOverdue,
                        EscalationEntry::calendarDaysOverdue)
                .containsExactly(
                        tuple(development.commitmentId(), "D1", "完成用地预审", LocalDate.of(2024, 6, 14), 3, false, 19, 28L),
                        tuple(finance, "M1", "完成可研批复", LocalDate.of(2024, 6, 30), 2, true, 9, 12L),
                        tuple(transport.commitmentId(), null, "最终完成期限", LocalDate.of(2024, 7, 5), 1, false, 4, 7L));
        EscalationEntry paused = list.get(1);
        assertThat(paused.unitId()).isEqualTo(FINANCE.unitId());
        assertThat(paused.unitName()).isEqualTo("自治区财政厅");
        assertThat(paused.itemNumber()).isEqualTo(1);
        assertThat(paused.itemText()).startsWith("支持呼和浩特市建设国家级乳业创新中心");
        assertThat(paused.since()).isEqualTo(Instant.parse("2024-07-01T01:00:00Z"));
        assertThat(paused.levelSince()).isEqualTo(Instant.parse("2024-07-04T01:00:00Z"));
        assertThat(paused.pausedAt()).isEqualTo(Instant.parse("2024-07-05T02:00:00Z"));
        assertThat(paused.pauseReason()).isEqualTo("PROGRESS_REPORTED");
        assertThat(paused.ladder()).containsExactly(3, 7);
    }

    @Test
    void ofOneUnitOnly() {
        // when
        List<EscalationEntry> list = queries(new WeekendsOnly()).handle(new FindEscalations(TRANSPORT.unitId()));

        // then
        assertThat(list).extracting(EscalationEntry::commitmentId).containsExactly(transport.commitmentId());
        assertThat(queries(new WeekendsOnly()).handle(new FindEscalations(CITY.unitId())))
                .as("the city's only case ended").isEmpty();
    }

    @Test
    void withoutAWorkingCalendarOnlyCalendarDaysAreCounted() {
        // when
        List<EscalationEntry> list = queries(null).handle(FindEscalations.all());

        // then
        assertThat(list).extracting(EscalationEntry::workingDaysOverdue).containsOnlyNulls();
        assertThat(list).extracting(EscalationEntry::calendarDaysOverdue).containsExactly(28L, 12L, 7L);
    }

    @Test
    void theViewRecordExposesEveryCaseAndTheUrging() {
        // given
        var urged = new CommitmentUrged(finance, "请加快可研批复", OFFICE);
        projection.on(urged, commitment(finance, 4, urged, Instant.parse("2024-07-10T02:00:00Z")));

        // when
        CommitmentView financeView = new CommitmentReader(mongo).byId(finance).orElseThrow();
        CommitmentView cityView = new CommitmentReader(mongo).byId(city.commitmentId()).orElseThrow();

        // then
        assertThat(financeView.escalations()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("M1");
            assertThat(e.level()).isEqualTo(2);
            assertThat(e.open()).isTrue();
            assertThat(e.paused()).isTrue();
        });
        assertThat(financeView.urgeCount()).isEqualTo(1);
        assertThat(financeView.lastUrgeMessage()).isEqualTo("请加快可研批复");
        assertThat(financeView.lastUrgedAt()).isEqualTo(Instant.parse("2024-07-10T02:00:00Z"));
        assertThat(financeView.lastUrgedBy().userId()).isEqualTo("office-1");
        assertThat(cityView.escalations()).singleElement().satisfies(e -> {
            assertThat(e.open()).isFalse();
            assertThat(e.endReason()).isEqualTo("MILESTONE_COMPLETED");
        });
        assertThat(cityView.openEscalations()).isEmpty();
        assertThat(cityView.urgeCount()).isZero();
    }

    /** Monday to Friday, no holidays. */
    private static final class WeekendsOnly implements WorkingCalendar {

        @Override
        public boolean isWorkingDay(LocalDate date) {
            return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public LocalDate plusWorkingDays(LocalDate date, int days) {
            return step(date, days, 1);
        }

        @Override
        public LocalDate minusWorkingDays(LocalDate date, int days) {
            return step(date, days, -1);
        }

        private LocalDate step(LocalDate date, int days, int direction) {
            LocalDate day = date;
            for (int counted = 0; counted < days; ) {
                day = day.plusDays(direction);
                if (isWorkingDay(day)) {
                    counted++;
                }
            }
            return day;
        }

        @Override
        public LocalDate coveredUntil() {
            return LocalDate.MAX;
        }
    }
}
