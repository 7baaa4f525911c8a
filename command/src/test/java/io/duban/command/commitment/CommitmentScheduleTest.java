package io.duban.command.commitment;

import io.duban.command.api.AcknowledgeAlert;
import io.duban.command.api.Actor;
import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.ApproveDeadlineChange;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.DueDateApproaching;
import io.duban.command.api.EscalationEndReason;
import io.duban.command.api.EscalationEnded;
import io.duban.command.api.EscalationPauseReason;
import io.duban.command.api.EscalationPaused;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.MilestonePlan;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.RequestDeadlineChange;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.VerifyCompletion;
import io.duban.command.api.UrgeCommitment;
import io.duban.command.api.CommitmentUrged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static io.duban.command.api.CommandRefusedException.Reason.INVALID_INPUT;
import static io.duban.command.api.CommandRefusedException.Reason.NOT_PERMITTED;
import static io.duban.command.api.CommandRefusedException.Reason.RULE_VIOLATED;
import static io.duban.command.commitment.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders and the escalation ladder with the default policy (reminders 7 and 1 working days before, ladder 3,7)
 * on {@link TestCalendar}. M1 is due Tuesday 31 March 2026: it becomes overdue at midnight; 清明 (4–6 April) is not
 * counted, so level 2 comes at 09:00 on Tuesday 7 April (three whole working days 1–3 April passed) and level 3 at
 * 09:00 on Monday 13 April (seven: 1–3 and 7–10 April).
 */
class CommitmentScheduleTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<Integer> LADDER = List.of(3, 7);
    private static final LocalDate APR_7 = LocalDate.of(2026, 4, 7);
    private static final LocalDate APR_13 = LocalDate.of(2026, 4, 13);
    private static final Actor SCHEDULE = Actor.schedule();
    private static final TestCalendar CALENDAR = new TestCalendar();

    private AggregateTestFixture<Commitment> fixture;

    private final io.duban.command.evidence.InMemoryEvidenceStorage evidenceStorage =
            new io.duban.command.evidence.InMemoryEvidenceStorage();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        fixture.registerInjectableResource(new InMemoryItemCatalog().with(POLICY, ITEM_31));
        fixture.registerInjectableResource(evidenceStorage.intake());
        fixture.registerInjectableResource(new Timekeeping(new FixtureClock(fixture, ZONE), CALENDAR,
                new SchedulePolicy(List.of(7, 1), LADDER, LocalTime.of(9, 0))));
    }

    private static Instant nineOn(LocalDate date) {
        return date.atTime(9, 0).atZone(ZONE).toInstant();
    }

    private static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    @Nested
    class Reminders {

        private final Instant registeredAt = START.atStartOfDay(ZONE).toInstant();

        @Test
        void registration_schedules_reminders_7_and_1_working_days_before_each_due_date_at_nine() {
            Instant first = nineOn(LocalDate.of(2026, 3, 20));
            fixture.givenCurrentTime(registeredAt)
                    .when(register(FINANCE_OFFICIAL))
                    .expectScheduledDeadline(first, new NextStep(first));
            PendingDeadlines.assertOnlyNextStepAt(fixture, first);
            // one deadline at a time, each the next of: reminders, the date passing, the ladder (M1 and M2 are left
            // open, so both climb)
            assertThat(PendingDeadlines.nextStepsUntil(fixture, endOf(DUE))).containsExactly(
                    first, nineOn(LocalDate.of(2026, 3, 30)), endOf(M1_DUE), nineOn(APR_7), nineOn(APR_13),
                    nineOn(CALENDAR.minusWorkingDays(M2_DUE, 7)), nineOn(LocalDate.of(2026, 9, 29)), endOf(M2_DUE),
                    nineOn(CALENDAR.plusWorkingDays(M2_DUE, 4)), nineOn(CALENDAR.plusWorkingDays(M2_DUE, 8)),
                    nineOn(CALENDAR.minusWorkingDays(DUE, 7)), nineOn(LocalDate.of(2026, 12, 30)), endOf(DUE));
        }

        @Test
        void the_seven_day_reminder_fires_at_nine_on_its_working_day() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(nineOn(LocalDate.of(2026, 3, 20)).plusSeconds(1))
                    .expectEvents(new DueDateApproaching(ID, "M1", M1_DUE, 7, SCHEDULE));
        }

        @Test
        void nothing_fires_before_nine() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(nineOn(LocalDate.of(2026, 3, 20)).minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void both_reminders_fire_before_the_due_date() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(endOf(M1_DUE).minusSeconds(1))
                    .expectEvents(new DueDateApproaching(ID, "M1", M1_DUE, 7, SCHEDULE),
                            new DueDateApproaching(ID, "M1", M1_DUE, 1, SCHEDULE));
        }

        @Test
        void a_completed_milestone_is_not_reminded() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL), new CompleteMilestone(ID, "M1", null, FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(endOf(M1_DUE).minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_claimed_or_verified_commitment_is_not_reminded_of_its_final_due_date() {
            fixture.givenCurrentTime(LocalDate.of(2026, 12, 1).atStartOfDay(ZONE).toInstant())
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new CompleteMilestone(ID, "M1", null, FINANCE_OFFICIAL),
                            new CompleteMilestone(ID, "M2", null, FINANCE_OFFICIAL),
                            claimWithProof("已拨付", FINANCE_OFFICIAL, false),
                            new VerifyCompletion(ID, null, OFFICE))
                    .whenTimeAdvancesTo(endOf(DUE).minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void reminders_already_past_at_registration_are_skipped() {
            fixture.givenCurrentTime(LocalDate.of(2026, 3, 25).atStartOfDay(ZONE).toInstant())
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(endOf(M1_DUE).minusSeconds(1))
                    .expectEvents(new DueDateApproaching(ID, "M1", M1_DUE, 1, SCHEDULE));
        }

        @Test
        void holidays_are_not_counted_and_an_adjusted_saturday_is() {
            // 7 April (Tue) after 清明: one working day before is Friday 3 April.
            // 11 May (Mon) after 劳动节: one working day before is the adjusted Saturday 9 May; seven before is
            // 28 April (9, 8, 7, 6 May, then 1–5 May off, 30, 29, 28 April).
            LocalDate may11 = LocalDate.of(2026, 5, 11);
            RegisterCommitment command = new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(),
                    new ResponsiblePerson("王五", null), "路线图", START, DUE,
                    List.of(new MilestonePlan("出台办法", APR_7), new MilestonePlan("拨付", may11)), FINANCE_OFFICIAL);
            fixture.givenCurrentTime(START.atStartOfDay(ZONE).toInstant())
                    .when(command)
                    .expectSuccessfulHandlerExecution();
            assertThat(PendingDeadlines.nextStepsUntil(fixture, endOf(may11).minusSeconds(1))).containsSubsequence(
                    nineOn(LocalDate.of(2026, 4, 3)), nineOn(LocalDate.of(2026, 4, 28)), nineOn(LocalDate.of(2026, 5, 9)));
        }

        @Test
        void an_approved_change_schedules_reminders_for_the_new_date() {
            LocalDate later = LocalDate.of(2026, 6, 30);
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new RequestDeadlineChange(ID, "M1", later, "征求意见延长", FINANCE_OFFICIAL))
                    .when(new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    .expectScheduledDeadline(nineOn(CALENDAR.minusWorkingDays(later, 7)),
                            new NextStep(nineOn(CALENDAR.minusWorkingDays(later, 7))));
            PendingDeadlines.assertOnlyNextStepAt(fixture, nineOn(CALENDAR.minusWorkingDays(later, 7)));
            assertThat(PendingDeadlines.nextStepsUntil(fixture, endOf(later)))
                    .containsSubsequence(nineOn(LocalDate.of(2026, 6, 29)), endOf(later));
        }

        @Test
        void nothing_fires_for_the_old_date_after_an_approved_change() {
            LocalDate later = LocalDate.of(2026, 6, 30);
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new RequestDeadlineChange(ID, "M1", later, "征求意见延长", FINANCE_OFFICIAL),
                            new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    .whenTimeAdvancesTo(endOf(M1_DUE).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void the_new_dates_reminders_fire() {
            LocalDate later = LocalDate.of(2026, 6, 30);
            fixture.givenCurrentTime(LocalDate.of(2026, 3, 31).atStartOfDay(ZONE).toInstant())
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new RequestDeadlineChange(ID, "M1", later, "征求意见延长", FINANCE_OFFICIAL),
                            new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    .whenTimeAdvancesTo(endOf(later).minusSeconds(1))
                    .expectEvents(new DueDateApproaching(ID, "M1", later, 7, SCHEDULE),
                            new DueDateApproaching(ID, "M1", later, 1, SCHEDULE));
        }
    }

    /** Registered on M1's due date at noon: M1's reminders are past, M2's and the final ones are months away. */
    @Nested
    class Ladder {

        private final Instant registeredAt = M1_DUE.atTime(12, 0).atZone(ZONE).toInstant();

        @Test
        void becoming_overdue_opens_a_case_with_the_ladder_in_force_and_schedules_its_steps() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(endOf(M1_DUE).plusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", M1_DUE, SCHEDULE),
                            new EscalationStarted(ID, "M1", M1_DUE, LADDER, SCHEDULE))
                    .expectScheduledDeadline(nineOn(APR_7), new NextStep(nineOn(APR_7)));
            PendingDeadlines.assertOnlyNextStepAt(fixture, nineOn(APR_7));
            assertThat(PendingDeadlines.nextStepsUntil(fixture, nineOn(APR_13)))
                    .containsExactly(nineOn(APR_7), nineOn(APR_13));
        }

        @Test
        void level_2_does_not_come_before_three_whole_working_days_holidays_not_counted() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(nineOn(APR_7).minusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", M1_DUE, SCHEDULE),
                            new EscalationStarted(ID, "M1", M1_DUE, LADDER, SCHEDULE));
        }

        @Test
        void level_2_after_three_working_days_overdue() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(nineOn(APR_7).plusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", M1_DUE, SCHEDULE),
                            new EscalationStarted(ID, "M1", M1_DUE, LADDER, SCHEDULE),
                            new EscalationRaised(ID, "M1", M1_DUE, 2, SCHEDULE));
        }

        @Test
        void level_3_after_seven_working_days_overdue() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(nineOn(APR_13).plusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", M1_DUE, SCHEDULE),
                            new EscalationStarted(ID, "M1", M1_DUE, LADDER, SCHEDULE),
                            new EscalationRaised(ID, "M1", M1_DUE, 2, SCHEDULE),
                            new EscalationRaised(ID, "M1", M1_DUE, 3, SCHEDULE));
        }

        @Test
        void a_report_made_before_the_case_opened_does_not_stop_it() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new ReportProgress(ID, 40, "办法起草中", null, FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(nineOn(APR_7).plusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", M1_DUE, SCHEDULE),
                            new EscalationStarted(ID, "M1", M1_DUE, LADDER, SCHEDULE),
                            new EscalationRaised(ID, "M1", M1_DUE, 2, SCHEDULE));
        }
    }

    /**
     * What stops or ends a running case. The case is given as events; its remaining step is put on the fixture's
     * deadline manager as an older version's overdue handler left it, so such a deadline's handling is exercised.
     */
    @Nested
    class StopConditions {

        @Test
        void a_progress_report_pauses_the_climb_at_its_level() {
            givenOpenCase()
                    .when(new ReportProgress(ID, 30, "已起草", null, FINANCE_OFFICIAL))
                    .expectEvents(new ProgressReported(ID, 30, 0, "已起草", null, FINANCE_OFFICIAL),
                            new EscalationPaused(ID, "M1", M1_DUE, 1, EscalationPauseReason.PROGRESS_REPORTED,
                                    FINANCE_OFFICIAL));
        }

        @Test
        void an_acknowledgement_by_the_office_pauses_the_climb_at_level_2() {
            givenOpenCase()
                    .andGiven(new EscalationRaised(ID, "M1", M1_DUE, 2, SCHEDULE))
                    .when(new AcknowledgeAlert(ID, OFFICE))
                    .expectEvents(new AlertAcknowledged(ID, OFFICE),
                            new EscalationPaused(ID, "M1", M1_DUE, 2, EscalationPauseReason.ALERT_ACKNOWLEDGED,
                                    OFFICE));
        }

        @Test
        void a_paused_case_is_not_paused_again() {
            givenOpenCase()
                    .andGiven(paused())
                    .when(new AcknowledgeAlert(ID, FINANCE_OFFICIAL))
                    .expectEvents(new AlertAcknowledged(ID, FINANCE_OFFICIAL));
        }

        @Test
        void an_open_case_climbs_when_its_step_fires() {
            givenOpenCase();
            scheduleStep(2);
            fixture.whenTimeAdvancesTo(nineOn(APR_7).plusSeconds(1))
                    .expectEvents(new EscalationRaised(ID, "M1", M1_DUE, 2, SCHEDULE));
        }

        @Test
        void a_paused_case_takes_no_further_step() {
            givenOpenCase().andGiven(paused());
            scheduleStep(2);
            fixture.whenTimeAdvancesTo(nineOn(APR_7).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_step_is_taken_once_even_if_delivered_twice() {
            givenOpenCase().andGiven(new EscalationRaised(ID, "M1", M1_DUE, 2, SCHEDULE));
            scheduleStep(2);
            fixture.whenTimeAdvancesTo(nineOn(APR_7).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_step_that_fires_before_the_one_below_raises_both_in_order() {
            // both steps came due at once and Quartz ran level 3 first
            givenOpenCase();
            scheduleStep(3);
            fixture.whenTimeAdvancesTo(nineOn(APR_13).plusSeconds(1))
                    .expectEvents(new EscalationRaised(ID, "M1", M1_DUE, 2, SCHEDULE),
                            new EscalationRaised(ID, "M1", M1_DUE, 3, SCHEDULE));
        }

        @Test
        void the_lower_step_firing_after_a_higher_one_changes_nothing() {
            givenOpenCase().andGiven(new EscalationRaised(ID, "M1", M1_DUE, 2, SCHEDULE),
                    new EscalationRaised(ID, "M1", M1_DUE, 3, SCHEDULE));
            scheduleStep(2);
            fixture.whenTimeAdvancesTo(nineOn(APR_7).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_paused_case_takes_no_late_step_either() {
            givenOpenCase().andGiven(paused());
            scheduleStep(3);
            fixture.whenTimeAdvancesTo(nineOn(APR_13).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void completing_the_milestone_ends_the_case() {
            givenOpenCase()
                    .when(new CompleteMilestone(ID, "M1", "已印发", FINANCE_OFFICIAL))
                    .expectEvents(new MilestoneCompleted(ID, "M1", "已印发", FINANCE_OFFICIAL),
                            new EscalationEnded(ID, "M1", M1_DUE, 1, EscalationEndReason.MILESTONE_COMPLETED,
                                    FINANCE_OFFICIAL));
        }

        @Test
        void an_ended_case_takes_no_further_step() {
            givenOpenCase().andGiven(new MilestoneCompleted(ID, "M1", null, FINANCE_OFFICIAL),
                    new EscalationEnded(ID, "M1", M1_DUE, 1, EscalationEndReason.MILESTONE_COMPLETED,
                            FINANCE_OFFICIAL));
            scheduleStep(2);
            fixture.whenTimeAdvancesTo(nineOn(APR_7).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void an_approved_deadline_change_ends_the_case() {
            LocalDate later = LocalDate.of(2026, 6, 30);
            givenOpenCase()
                    .andGiven(new DeadlineChangeRequested(ID, "D1", "M1", M1_DUE, later, "原因", FINANCE_OFFICIAL))
                    .when(new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    .expectEvents(new DeadlineChangeApproved(ID, "D1", "M1", M1_DUE, later, null, OFFICE),
                            new EscalationEnded(ID, "M1", M1_DUE, 1, EscalationEndReason.DEADLINE_CHANGED, OFFICE));
        }

        @Test
        void claiming_completion_ends_the_final_due_dates_case() {
            fixture.given(registered(), new MilestoneCompleted(ID, "M1", null, FINANCE_OFFICIAL),
                            new MilestoneCompleted(ID, "M2", null, FINANCE_OFFICIAL),
                            new MilestoneBecameOverdue(ID, null, DUE, SCHEDULE),
                            new EscalationStarted(ID, null, DUE, LADDER, SCHEDULE),
                            new EscalationRaised(ID, null, DUE, 2, SCHEDULE))
                    .when(claimWithProof("已拨付", FINANCE_OFFICIAL, false))
                    .expectEvents(new CompletionClaimed(ID, "已拨付", FINANCE_OFFICIAL),
                            proofAttachedToClaim(FINANCE_OFFICIAL),
                            new EscalationEnded(ID, null, DUE, 2, EscalationEndReason.COMPLETION_CLAIMED,
                                    FINANCE_OFFICIAL));
        }

        /** The case as opened when M1's date passed, at that time (the fixture's clock then runs from there). */
        private org.axonframework.test.aggregate.TestExecutor<Commitment> givenOpenCase() {
            return fixture.givenCurrentTime(endOf(M1_DUE)).andGiven(openCase(LADDER));
        }

        private EscalationPaused paused() {
            return new EscalationPaused(ID, "M1", M1_DUE, 1, EscalationPauseReason.PROGRESS_REPORTED,
                    FINANCE_OFFICIAL);
        }

        /**
         * A step as the overdue handler of an older version scheduled it when the case opened (one deadline per level);
         * such deadlines may still be in a Quartz store, and now wake the commitment up to take whatever is due.
         */
        private void scheduleStep(int level) {
            PendingDeadlines.scheduleLegacy(fixture, nineOn(level == 2 ? APR_7 : APR_13), EscalationStep.NAME,
                    new EscalationStep("M1", M1_DUE, level));
        }
    }

    /** A deadline change reschedules everything that hung on the old date. */
    @Nested
    class DeadlineChangeInTheMiddleOfALadder {

        private final Instant registeredAt = M1_DUE.atTime(12, 0).atZone(ZONE).toInstant();
        private final LocalDate later = LocalDate.of(2026, 6, 30);

        @Test
        void nothing_that_hung_on_the_old_date_fires_after_the_change() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new RequestDeadlineChange(ID, "M1", later, "征求意见延长", FINANCE_OFFICIAL),
                            new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    .whenTimeAdvancesTo(nineOn(APR_13).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void the_new_date_gets_its_own_reminders_overdue_and_ladder() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new RequestDeadlineChange(ID, "M1", later, "征求意见延长", FINANCE_OFFICIAL),
                            new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    // 30 June is a Tuesday: level 2 at 09:00 on Monday 6 July
                    .whenTimeAdvancesTo(nineOn(LocalDate.of(2026, 7, 6)).plusSeconds(1))
                    .expectEvents(new DueDateApproaching(ID, "M1", later, 7, SCHEDULE),
                            new DueDateApproaching(ID, "M1", later, 1, SCHEDULE),
                            new MilestoneBecameOverdue(ID, "M1", later, SCHEDULE),
                            new EscalationStarted(ID, "M1", later, LADDER, SCHEDULE),
                            new EscalationRaised(ID, "M1", later, 2, SCHEDULE));
        }
    }

    /**
     * Deadlines of the kinds an older version scheduled (one per due date, reminder and ladder step) may still be in
     * a Quartz store when this version starts. Each is a wake-up call: what is due comes from the commitment's state.
     */
    @Nested
    class LegacyDeadlines {

        private final LocalDate later = LocalDate.of(2026, 6, 30);

        @Test
        void an_old_due_date_deadline_still_due_records_the_date_passing_once_and_arms_one_next_step() {
            // registered by the older version: no next step, its own deadlines pending (one delivered twice)
            fixture.givenCurrentTime(M1_DUE.atTime(12, 0).atZone(ZONE).toInstant()).andGiven(registered());
            PendingDeadlines.scheduleLegacy(fixture, endOf(M1_DUE), DueDatePassed.NAME,
                    new DueDatePassed("M1", M1_DUE));
            PendingDeadlines.scheduleLegacy(fixture, endOf(M1_DUE), DueDatePassed.NAME,
                    new DueDatePassed("M1", M1_DUE));
            fixture.whenTimeAdvancesTo(endOf(M1_DUE).plusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", M1_DUE, SCHEDULE),
                            new EscalationStarted(ID, "M1", M1_DUE, LADDER, SCHEDULE));
            PendingDeadlines.assertOnlyNextStepAt(fixture, nineOn(APR_7));
        }

        @Test
        void old_deadlines_of_a_date_moved_since_take_nothing_and_leave_the_one_next_step() {
            fixture.givenCurrentTime(START.atStartOfDay(ZONE).toInstant())
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new RequestDeadlineChange(ID, "M1", later, "征求意见延长", FINANCE_OFFICIAL),
                            new ApproveDeadlineChange(ID, "D1", null, OFFICE));
            PendingDeadlines.scheduleLegacy(fixture, nineOn(LocalDate.of(2026, 3, 30)), DueDateReminder.NAME,
                    new DueDateReminder("M1", M1_DUE, 1));
            PendingDeadlines.scheduleLegacy(fixture, endOf(M1_DUE), DueDatePassed.NAME,
                    new DueDatePassed("M1", M1_DUE));
            PendingDeadlines.scheduleLegacy(fixture, nineOn(APR_7), EscalationStep.NAME,
                    new EscalationStep("M1", M1_DUE, 2));
            fixture.whenTimeAdvancesTo(nineOn(APR_7).plusSeconds(1))
                    .expectNoEvents();
            PendingDeadlines.assertOnlyNextStepAt(fixture, nineOn(CALENDAR.minusWorkingDays(later, 7)));
        }

        @Test
        void an_old_reminder_already_taken_is_not_repeated() {
            fixture.givenCurrentTime(START.atStartOfDay(ZONE).toInstant())
                    .andGivenCommands(register(FINANCE_OFFICIAL));
            PendingDeadlines.scheduleLegacy(fixture, nineOn(LocalDate.of(2026, 3, 20)), DueDateReminder.NAME,
                    new DueDateReminder("M1", M1_DUE, 7));
            fixture.whenTimeAdvancesTo(nineOn(LocalDate.of(2026, 3, 20)).plusSeconds(1))
                    .expectEvents(new DueDateApproaching(ID, "M1", M1_DUE, 7, SCHEDULE));
            PendingDeadlines.assertOnlyNextStepAt(fixture, nineOn(LocalDate.of(2026, 3, 30)));
        }
    }

    @Nested
    class Urging {

        @Test
        void the_office_urges_a_commitment() {
            fixture.given(registered())
                    .when(new UrgeCommitment(ID, " 请于本周内报送进展 ", OFFICE))
                    .expectEvents(new CommitmentUrged(ID, "请于本周内报送进展", OFFICE));
        }

        @Test
        void only_the_office_urges() {
            fixture.given(registered())
                    .when(new UrgeCommitment(ID, "请报送进展", FINANCE_OFFICIAL))
                    .expectException(Refusal.refused(NOT_PERMITTED, "commitment.office-only"))
                    .expectNoEvents();
        }

        @Test
        void an_urging_needs_a_message() {
            fixture.given(registered())
                    .when(new UrgeCommitment(ID, " ", OFFICE))
                    .expectException(Refusal.refused(INVALID_INPUT, "input.required"))
                    .expectNoEvents();
        }

        @Test
        void a_verified_commitment_is_not_urged() {
            fixture.given(registered(), new MilestoneCompleted(ID, "M1", null, FINANCE_OFFICIAL),
                            new MilestoneCompleted(ID, "M2", null, FINANCE_OFFICIAL),
                            new CompletionClaimed(ID, "已拨付", FINANCE_OFFICIAL), new CompletionVerified(ID, null, OFFICE))
                    .when(new UrgeCommitment(ID, "请报送进展", OFFICE))
                    .expectException(Refusal.refused(RULE_VIOLATED, "commitment.verified"))
                    .expectNoEvents();
        }
    }

    private static Object[] openCase(List<Integer> ladder) {
        return new Object[]{registered(), new MilestoneBecameOverdue(ID, "M1", M1_DUE, SCHEDULE),
                new EscalationStarted(ID, "M1", M1_DUE, ladder, SCHEDULE)};
    }
}
