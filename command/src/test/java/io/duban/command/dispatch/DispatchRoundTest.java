package io.duban.command.dispatch;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.Role;
import io.duban.command.api.dispatch.CloseDispatchRound;
import io.duban.command.api.dispatch.CommitmentsJoinedDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.LateUnitsReminded;
import io.duban.command.api.dispatch.OpenDispatchRound;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
import io.duban.command.api.dispatch.RecordQuarterlyReport;
import io.duban.command.api.dispatch.RemindLateUnits;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static io.duban.command.api.CommandRefusedException.Reason.INVALID_INPUT;
import static io.duban.command.api.CommandRefusedException.Reason.NOT_PERMITTED;
import static io.duban.command.api.CommandRefusedException.Reason.RULE_VIOLATED;
import static org.assertj.core.api.Assertions.assertThat;

class DispatchRoundTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String ROUND = "2026-Q4";
    static final LocalDate START = LocalDate.of(2026, 10, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    /** 10th working day of Q4 2026 with National Day off (1–7 Oct): 8, 9, 12–16, 19, 20, 21. */
    static final LocalDate DEADLINE = LocalDate.of(2026, 10, 21);
    static final String FINANCE_31 = "nzf-2023-1.31.uc88ba393";
    static final String EDUCATION_31 = "nzf-2023-1.31.u1a2b3c4d";
    static final String FINANCE_45 = "nzf-2023-1.45.uc88ba393";
    static final Actor OFFICE = new Actor("office", "办公室", Role.OFFICE, Set.of(), Channel.WEB, null);
    static final Actor SCHEDULE = Actor.schedule();
    static final Actor FINANCE_OFFICIAL = new Actor("czt", "财政厅", Role.UNIT, Set.of("uc88ba393"), Channel.DINGTALK, "m1");
    static final Actor RECORDER = DispatchReports.ACTOR;
    static final Instant OCT_12 = Instant.parse("2026-10-12T02:00:00Z");
    static final Instant OCT_30 = Instant.parse("2026-10-30T02:00:00Z");

    private AggregateTestFixture<DispatchRound> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DispatchRound.class);
        fixture.registerInjectableResource(TestCalendar.withNationalDay2026());
        fixture.registerInjectableResource(Clock.fixed(OCT_12, ZONE));
    }

    static DispatchRoundOpened opened() {
        return new DispatchRoundOpened(ROUND, START, END, DEADLINE, List.of(EDUCATION_31, FINANCE_31, FINANCE_45), SCHEDULE);
    }

    static OpenDispatchRound open(Actor actor) {
        return new OpenDispatchRound(ROUND, START, END, null, List.of(FINANCE_31, FINANCE_45, EDUCATION_31, FINANCE_31), actor);
    }

    static RecordQuarterlyReport report(String commitmentId, Instant at) {
        return new RecordQuarterlyReport(ROUND, commitmentId, 60, "完成资金拨付", FINANCE_OFFICIAL, at, RECORDER);
    }

    static QuarterlyReportRecorded recorded(String commitmentId, Instant at, boolean late) {
        return new QuarterlyReportRecorded(ROUND, commitmentId, 60, "完成资金拨付", FINANCE_OFFICIAL, at, late, RECORDER);
    }

    @Test
    void round_ids_follow_the_quarter() {
        assertThat(DispatchRoundId.of(LocalDate.of(2026, 11, 3))).isEqualTo("2026-Q4");
        assertThat(DispatchRoundId.of(LocalDate.of(2027, 1, 1))).isEqualTo("2027-Q1");
        assertThat(DispatchRoundId.quarterStart("2026-Q2")).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(DispatchRoundId.quarterEnd("2026-Q1")).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(DispatchRoundId.previous("2027-Q1")).isEqualTo("2026-Q4");
        assertThat(DispatchRoundId.isValid("2026-Q5")).isFalse();
    }

    @Test
    void the_scheduler_opens_a_round_with_the_10th_working_day_as_deadline_and_sorted_distinct_commitments() {
        fixture.givenNoPriorActivity()
                .when(open(SCHEDULE))
                .expectResultMessagePayload(true)
                .expectEvents(opened());
    }

    @Test
    void an_explicit_deadline_is_kept() {
        LocalDate deadline = LocalDate.of(2026, 10, 30);
        fixture.givenNoPriorActivity()
                .when(new OpenDispatchRound(ROUND, null, null, deadline, List.of(FINANCE_31), OFFICE))
                .expectEvents(new DispatchRoundOpened(ROUND, START, END, deadline, List.of(FINANCE_31), OFFICE));
    }

    @Test
    void opening_an_open_round_again_records_nothing() {
        fixture.given(opened())
                .when(open(SCHEDULE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void opening_a_closed_round_again_records_nothing() {
        fixture.given(opened(), new DispatchRoundClosed(ROUND, START, END, List.of(), List.of(EDUCATION_31, FINANCE_31, FINANCE_45), SCHEDULE))
                .when(open(SCHEDULE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_unit_cannot_open_a_round() {
        fixture.givenNoPriorActivity()
                .when(open(FINANCE_OFFICIAL))
                .expectException(refused(NOT_PERMITTED, "dispatch.office-only"))
                .expectNoEvents();
    }

    @Test
    void a_malformed_round_id_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenDispatchRound("2026-10", null, null, null, List.of(), OFFICE))
                .expectException(refused(INVALID_INPUT, "dispatch.bad-round-id"));
    }

    @Test
    void a_quarter_that_does_not_match_the_round_id_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenDispatchRound(ROUND, LocalDate.of(2026, 7, 1), END, null, List.of(), OFFICE))
                .expectException(refused(INVALID_INPUT, "dispatch.quarter-mismatch"));
    }

    @Test
    void a_deadline_outside_the_quarter_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenDispatchRound(ROUND, START, END, LocalDate.of(2027, 1, 5), List.of(), OFFICE))
                .expectException(refused(INVALID_INPUT, "dispatch.deadline-outside-quarter"));
    }

    @Test
    void the_first_report_of_a_commitment_counts() {
        fixture.given(opened())
                .when(report(FINANCE_31, OCT_12))
                .expectResultMessagePayload(true)
                .expectEvents(recorded(FINANCE_31, OCT_12, false));
    }

    @Test
    void a_report_after_the_deadline_counts_as_late() {
        fixture.given(opened())
                .when(report(FINANCE_31, OCT_30))
                .expectEvents(recorded(FINANCE_31, OCT_30, true));
    }

    @Test
    void a_report_on_the_deadline_day_in_business_time_is_on_time() {
        Instant lateEveningOfDeadline = Instant.parse("2026-10-21T15:30:00Z"); // 23:30 in Shanghai
        fixture.given(opened())
                .when(report(FINANCE_31, lateEveningOfDeadline))
                .expectEvents(recorded(FINANCE_31, lateEveningOfDeadline, false));
    }

    @Test
    void a_later_report_of_the_same_commitment_records_nothing() {
        fixture.given(opened(), recorded(FINANCE_31, OCT_12, false))
                .when(report(FINANCE_31, OCT_30))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_report_of_a_commitment_registered_after_the_opening_joins_the_round_and_counts() {
        String late = "nzf-2023-1.57.uc88ba393";
        fixture.given(opened())
                .when(report(late, OCT_12))
                .expectResultMessagePayload(true)
                .expectEvents(recorded(late, OCT_12, false));
    }

    @Test
    void a_report_made_before_anyone_opened_the_round_opens_it_and_counts() {
        fixture.givenNoPriorActivity()
                .when(report(FINANCE_31, OCT_12))
                .expectResultMessagePayload(true)
                .expectEvents(new DispatchRoundOpened(ROUND, START, END, DEADLINE, List.of(), RECORDER),
                        recorded(FINANCE_31, OCT_12, false));
    }

    @Test
    void opening_an_open_round_again_adds_the_commitments_it_does_not_hold_yet() {
        String registeredLater = "nzf-2023-1.58.uc88ba393";
        fixture.given(opened())
                .when(new OpenDispatchRound(ROUND, START, END, null, List.of(FINANCE_31, registeredLater), OFFICE))
                .expectResultMessagePayload(false)
                .expectEvents(new CommitmentsJoinedDispatchRound(ROUND, DEADLINE, List.of(registeredLater), OFFICE));
    }

    @Test
    void a_commitment_that_reported_before_being_listed_is_reported_at_the_close() {
        String late = "nzf-2023-1.57.uc88ba393";
        fixture.given(opened(), recorded(late, OCT_12, false))
                .when(new CloseDispatchRound(ROUND, SCHEDULE))
                .expectEvents(new DispatchRoundClosed(ROUND, START, END, List.of(late),
                        List.of(EDUCATION_31, FINANCE_31, FINANCE_45), SCHEDULE));
    }

    @Test
    void a_closed_round_takes_no_new_commitments() {
        fixture.given(opened(), new DispatchRoundClosed(ROUND, START, END, List.of(), List.of(EDUCATION_31, FINANCE_31, FINANCE_45), SCHEDULE))
                .when(new OpenDispatchRound(ROUND, START, END, null, List.of("nzf-2023-1.58.uc88ba393"), OFFICE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_joined_commitment_that_never_reports_is_listed_as_not_reported_at_the_close() {
        String joined = "nzf-2023-1.58.uc88ba393";
        fixture.given(opened(), new CommitmentsJoinedDispatchRound(ROUND, DEADLINE, List.of(joined), RECORDER))
                .when(new CloseDispatchRound(ROUND, SCHEDULE))
                .expectEvents(new DispatchRoundClosed(ROUND, START, END, List.of(),
                        List.of(EDUCATION_31, FINANCE_31, FINANCE_45, joined), SCHEDULE));
    }

    @Test
    void a_report_to_a_closed_round_is_refused() {
        fixture.given(opened(), new DispatchRoundClosed(ROUND, START, END, List.of(), List.of(EDUCATION_31, FINANCE_31, FINANCE_45), SCHEDULE))
                .when(report(FINANCE_31, OCT_12))
                .expectException(refused(RULE_VIOLATED, "dispatch.round-closed"));
    }

    @Test
    void a_unit_cannot_record_a_quarterly_report_directly() {
        fixture.given(opened())
                .when(new RecordQuarterlyReport(ROUND, FINANCE_31, 60, null, FINANCE_OFFICIAL, OCT_12, FINANCE_OFFICIAL))
                .expectException(refused(NOT_PERMITTED, "dispatch.office-only"));
    }

    @Test
    void reminding_lists_the_commitments_not_reported() {
        fixture.given(opened(), recorded(FINANCE_31, OCT_12, false))
                .when(new RemindLateUnits(ROUND, SCHEDULE))
                .expectResultMessagePayload(true)
                .expectEvents(new LateUnitsReminded(ROUND, DEADLINE, List.of(EDUCATION_31, FINANCE_45), SCHEDULE));
    }

    @Test
    void the_scheduler_reminds_once_but_the_office_may_remind_again() {
        LateUnitsReminded first = new LateUnitsReminded(ROUND, DEADLINE, List.of(EDUCATION_31, FINANCE_31, FINANCE_45), SCHEDULE);
        fixture.given(opened(), first)
                .when(new RemindLateUnits(ROUND, SCHEDULE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(opened(), first)
                .when(new RemindLateUnits(ROUND, OFFICE))
                .expectEvents(new LateUnitsReminded(ROUND, DEADLINE, List.of(EDUCATION_31, FINANCE_31, FINANCE_45), OFFICE));
    }

    @Test
    void nobody_is_reminded_when_everyone_reported() {
        fixture.given(opened(), recorded(FINANCE_31, OCT_12, false), recorded(FINANCE_45, OCT_12, false),
                        recorded(EDUCATION_31, OCT_12, false))
                .when(new RemindLateUnits(ROUND, SCHEDULE))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void closing_lists_who_reported_and_who_did_not() {
        fixture.given(opened(), recorded(FINANCE_45, OCT_12, false), recorded(FINANCE_31, OCT_30, true))
                .when(new CloseDispatchRound(ROUND, SCHEDULE))
                .expectEvents(new DispatchRoundClosed(ROUND, START, END, List.of(FINANCE_31, FINANCE_45),
                        List.of(EDUCATION_31), SCHEDULE));
    }

    @Test
    void closing_twice_is_refused() {
        fixture.given(opened(), new DispatchRoundClosed(ROUND, START, END, List.of(), List.of(EDUCATION_31, FINANCE_31, FINANCE_45), SCHEDULE))
                .when(new CloseDispatchRound(ROUND, SCHEDULE))
                .expectException(refused(RULE_VIOLATED, "dispatch.round-closed"))
                .expectNoEvents();
    }

    @Test
    void reminding_a_closed_round_is_refused() {
        fixture.given(opened(), new DispatchRoundClosed(ROUND, START, END, List.of(), List.of(EDUCATION_31, FINANCE_31, FINANCE_45), SCHEDULE))
                .when(new RemindLateUnits(ROUND, OFFICE))
                .expectException(refused(RULE_VIOLATED, "dispatch.round-closed"));
    }

    @Test
    void a_unit_cannot_close_a_round() {
        fixture.given(opened())
                .when(new CloseDispatchRound(ROUND, FINANCE_OFFICIAL))
                .expectException(refused(NOT_PERMITTED, "dispatch.office-only"));
    }

    /** The quarter round with a unit that never reports: open, one unit reports, deadline, close. */
    @Test
    void a_unit_that_never_reports_is_reminded_at_the_deadline_and_listed_at_the_close() {
        String financeOnly = FINANCE_31;
        OpenDispatchRound open = new OpenDispatchRound(ROUND, START, END, null, List.of(financeOnly, EDUCATION_31), SCHEDULE);
        DispatchRoundOpened opened = new DispatchRoundOpened(ROUND, START, END, DEADLINE, List.of(EDUCATION_31, financeOnly), SCHEDULE);
        fixture.givenNoPriorActivity().when(open).expectEvents(opened);
        fixture.given(opened).when(report(financeOnly, OCT_12)).expectEvents(recorded(financeOnly, OCT_12, false));
        fixture.given(opened, recorded(financeOnly, OCT_12, false))
                .when(new RemindLateUnits(ROUND, SCHEDULE))
                .expectEvents(new LateUnitsReminded(ROUND, DEADLINE, List.of(EDUCATION_31), SCHEDULE));
        fixture.given(opened, recorded(financeOnly, OCT_12, false),
                        new LateUnitsReminded(ROUND, DEADLINE, List.of(EDUCATION_31), SCHEDULE))
                .when(new CloseDispatchRound(ROUND, SCHEDULE))
                .expectEvents(new DispatchRoundClosed(ROUND, START, END, List.of(financeOnly), List.of(EDUCATION_31), SCHEDULE));
    }

    static Matcher<CommandRefusedException> refused(CommandRefusedException.Reason reason, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefusedException e) {
                return e.reason() == reason && e.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused with " + reason + "/" + code);
            }
        };
    }
}
