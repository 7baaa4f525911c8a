package io.duban.command.commitment;

import io.duban.command.api.AcknowledgeAlert;
import io.duban.command.api.Actor;
import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.ApproveDeadlineChange;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.MilestonePlan;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.RaiseMajorIssue;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.RejectDeadlineChange;
import io.duban.command.api.ReopenCommitment;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.RequestDeadlineChange;
import io.duban.command.api.ResolveMajorIssue;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.VerifyCompletion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.duban.command.api.CommandRefusedException.Reason.INVALID_INPUT;
import static io.duban.command.api.CommandRefusedException.Reason.NOT_FOUND;
import static io.duban.command.api.CommandRefusedException.Reason.NOT_PERMITTED;
import static io.duban.command.api.CommandRefusedException.Reason.RULE_VIOLATED;
import static io.duban.command.commitment.Fixtures.*;
import static io.duban.command.commitment.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

class CommitmentTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private AggregateTestFixture<Commitment> fixture;
    private InMemoryItemCatalog catalog;

    private final io.duban.command.evidence.InMemoryEvidenceStorage evidenceStorage =
            new io.duban.command.evidence.InMemoryEvidenceStorage();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Commitment.class);
        catalog = new InMemoryItemCatalog().with(POLICY, ITEM_31);
        fixture.registerInjectableResource(catalog);
        // no reminders and no ladder steps here: CommitmentScheduleTest covers them
        fixture.registerInjectableResource(evidenceStorage.intake());
        fixture.registerInjectableResource(new Timekeeping(new FixtureClock(fixture, ZONE), new TestCalendar(),
                new SchedulePolicy(List.of(), List.of(), java.time.LocalTime.of(9, 0))));
    }

    @Nested
    class Registration {

        @Test
        void a_responsible_unit_registers_with_milestones_numbered_by_due_date() {
            fixture.givenNoPriorActivity()
                    .when(register(FINANCE_OFFICIAL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered());
        }

        @Test
        void another_unit_cannot_register_for_this_units_commitment() {
            RegisterCommitment byEducation = new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(),
                    new ResponsiblePerson("李四", null), "路线图", START, DUE,
                    List.of(new MilestonePlan("a", M1_DUE)), EDUCATION_OFFICIAL);
            fixture.givenNoPriorActivity()
                    .when(byEducation)
                    .expectException(refused(NOT_PERMITTED, "commitment.not-your-unit"))
                    .expectNoEvents();
        }

        @Test
        void a_unit_not_responsible_for_the_item_is_refused() {
            String educationId = io.duban.command.api.CommitmentId.of(POLICY, 31, EDUCATION.unitId());
            RegisterCommitment command = new RegisterCommitment(educationId, POLICY, 31, EDUCATION.unitId(),
                    new ResponsiblePerson("李四", null), "路线图", START, DUE,
                    List.of(new MilestonePlan("a", M1_DUE)), EDUCATION_OFFICIAL);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(refused(NOT_PERMITTED, "commitment.unit-not-responsible"))
                    .expectNoEvents();
        }

        @Test
        void an_unknown_item_is_not_found() {
            RegisterCommitment command = new RegisterCommitment(
                    io.duban.command.api.CommitmentId.of(POLICY, 61, FINANCE.unitId()), POLICY, 61,
                    FINANCE.unitId(), new ResponsiblePerson("王五", null), "路线图", START, DUE,
                    List.of(new MilestonePlan("a", M1_DUE)), FINANCE_OFFICIAL);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(refused(NOT_FOUND, "item.not-found"))
                    .expectNoEvents();
        }

        @Test
        void a_second_registration_of_the_same_item_and_unit_is_refused() {
            catalog.withRegistered(ID);
            fixture.givenNoPriorActivity()
                    .when(register(FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "commitment.already-registered"))
                    .expectNoEvents();
        }

        @Test
        void an_id_that_does_not_match_item_and_unit_is_refused() {
            RegisterCommitment valid = register(FINANCE_OFFICIAL);
            RegisterCommitment forged = new RegisterCommitment("nzf-2023-1.1.u00000000", valid.policyId(),
                    valid.itemNumber(), valid.unitId(), valid.responsible(), valid.roadmap(), valid.startDate(),
                    valid.dueDate(), valid.milestones(), valid.actor());
            fixture.givenNoPriorActivity()
                    .when(forged)
                    .expectException(refused(INVALID_INPUT, "commitment.bad-id"))
                    .expectNoEvents();
        }

        @Test
        void a_milestone_outside_the_timetable_is_refused() {
            RegisterCommitment command = new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(),
                    new ResponsiblePerson("王五", null), "路线图", START, DUE,
                    List.of(new MilestonePlan("太晚", DUE.plusDays(1))), FINANCE_OFFICIAL);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(refused(INVALID_INPUT, "milestone.outside-timetable"))
                    .expectNoEvents();
        }

        @Test
        void a_roadmap_without_milestones_or_person_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(),
                            new ResponsiblePerson("王五", null), "路线图", START, DUE, List.of(), FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "commitment.milestones-required"))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(), new ResponsiblePerson(" ", null),
                            "路线图", START, DUE, List.of(new MilestonePlan("a", M1_DUE)), FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "input.required"))
                    .expectNoEvents();
        }

        @Test
        void a_due_date_before_the_start_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(),
                            new ResponsiblePerson("王五", null), "路线图", DUE, START,
                            List.of(new MilestonePlan("a", M1_DUE)), FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "commitment.due-before-start"))
                    .expectNoEvents();
        }

        @Test
        void a_due_date_outside_this_century_is_refused() {
            // the JSON reader accepts +999999999-12-31 and epoch-day numbers; a deadline there is never meant
            for (LocalDate absurd : List.of(LocalDate.MAX, LocalDate.of(2100, 1, 1), LocalDate.ofEpochDay(20270630))) {
                fixture.givenNoPriorActivity()
                        .when(new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(),
                                new ResponsiblePerson("王五", null), "路线图", START, absurd,
                                List.of(new MilestonePlan("a", M1_DUE)), FINANCE_OFFICIAL))
                        .expectException(refused(INVALID_INPUT, "date.out-of-range"))
                        .expectNoEvents();
            }
            fixture.givenNoPriorActivity()
                    .when(new RegisterCommitment(ID, POLICY, 31, FINANCE.unitId(),
                            new ResponsiblePerson("王五", null), "路线图", LocalDate.of(1999, 12, 31), DUE,
                            List.of(new MilestonePlan("a", M1_DUE)), FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "date.out-of-range"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Progress {

        @Test
        void progress_is_reported() {
            fixture.given(registered())
                    .when(new ReportProgress(ID, 40, "办法已起草", null, FINANCE_OFFICIAL))
                    .expectEvents(new ProgressReported(ID, 40, 0, "办法已起草", null, FINANCE_OFFICIAL));
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 101, 1000})
        void progress_outside_0_to_100_is_refused(int percent) {
            fixture.given(registered())
                    .when(new ReportProgress(ID, percent, null, null, FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "progress.out-of-range"))
                    .expectNoEvents();
        }

        @Test
        void progress_never_goes_down_without_a_reason() {
            fixture.given(registered(), new ProgressReported(ID, 60, 0, null, null, FINANCE_OFFICIAL))
                    .when(new ReportProgress(ID, 50, "重新评估", "  ", FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "progress.decrease-needs-reason"))
                    .expectNoEvents();
        }

        @Test
        void progress_goes_down_with_a_stated_reason() {
            fixture.given(registered(), new ProgressReported(ID, 60, 0, null, null, FINANCE_OFFICIAL))
                    .when(new ReportProgress(ID, 50, "重新评估", "资金未到位", FINANCE_OFFICIAL))
                    .expectEvents(new ProgressReported(ID, 50, 60, "重新评估", "资金未到位", FINANCE_OFFICIAL));
        }

        @Test
        void another_unit_or_an_inspector_or_the_office_cannot_report() {
            for (var actor : List.of(EDUCATION_OFFICIAL, INSPECTOR, OFFICE)) {
                fixture.given(registered())
                        .when(new ReportProgress(ID, 10, null, null, actor))
                        .expectException(refused(NOT_PERMITTED, "commitment.not-your-unit"))
                        .expectNoEvents();
            }
        }

        @Test
        void a_verified_commitment_accepts_no_progress_until_reopened() {
            fixture.given(verifiedHistory())
                    .when(new ReportProgress(ID, 100, "补充", null, FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "commitment.verified"))
                    .expectNoEvents();
            fixture.given(verifiedHistory())
                    .andGiven(new CommitmentReopened(ID, "补充材料", OFFICE))
                    .when(new ReportProgress(ID, 100, "补充", null, FINANCE_OFFICIAL))
                    .expectEvents(new ProgressReported(ID, 100, 100, "补充", null, FINANCE_OFFICIAL));
        }

        @Test
        void an_overlong_or_control_character_note_is_refused() {
            fixture.given(registered())
                    .when(new ReportProgress(ID, 10, "字".repeat(2001), null, FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "input.too-long"))
                    .expectNoEvents();
            fixture.given(registered())
                    .when(new ReportProgress(ID, 10, "bad\u0000note", null, FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "input.control-characters"))
                    .expectNoEvents();
        }

        @Test
        void a_note_with_a_lone_surrogate_or_a_bidi_override_is_refused() {
            // a lone surrogate cannot even be stored as UTF-8; an override makes "80" display as "08"
            for (String note : List.of("按计划\ud800推进", "\udc00", "reversed \ude00\ud83d")) {
                fixture.given(registered())
                        .when(new ReportProgress(ID, 10, note, null, FINANCE_OFFICIAL))
                        .expectException(refused(INVALID_INPUT, "input.invalid-unicode"))
                        .expectNoEvents();
            }
            for (String note : List.of("进度\u202e08", "\u2066隔离\u2069", "\u202a嵌入")) {
                fixture.given(registered())
                        .when(new ReportProgress(ID, 10, note, null, FINANCE_OFFICIAL))
                        .expectException(refused(INVALID_INPUT, "input.bidi-controls"))
                        .expectNoEvents();
            }
        }

        @Test
        void emoji_arabic_and_direction_marks_are_ordinary_text() {
            fixture.given(registered())
                    .when(new ReportProgress(ID, 10, "完成🙂 \u200f مرحبا", null, FINANCE_OFFICIAL))
                    .expectEvents(new ProgressReported(ID, 10, 0, "完成🙂 \u200f مرحبا", null, FINANCE_OFFICIAL));
        }
    }

    @Nested
    class Milestones {

        @Test
        void a_milestone_is_completed_once() {
            fixture.given(registered())
                    .when(new CompleteMilestone(ID, "M1", "办法已印发", FINANCE_OFFICIAL))
                    .expectEvents(new MilestoneCompleted(ID, "M1", "办法已印发", FINANCE_OFFICIAL));
            fixture.given(registered(), new MilestoneCompleted(ID, "M1", null, FINANCE_OFFICIAL))
                    .when(new CompleteMilestone(ID, "M1", null, FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "milestone.already-completed"))
                    .expectNoEvents();
        }

        @Test
        void an_unknown_milestone_is_not_found() {
            fixture.given(registered())
                    .when(new CompleteMilestone(ID, "M9", null, FINANCE_OFFICIAL))
                    .expectException(refused(NOT_FOUND, "milestone.not-found"))
                    .expectNoEvents();
        }
    }

    @Nested
    class DeadlineChanges {

        private final LocalDate newM2 = LocalDate.of(2026, 11, 30);

        @Test
        void a_unit_requests_and_the_office_approves_a_milestone_change() {
            fixture.given(registered())
                    .when(new RequestDeadlineChange(ID, "M2", newM2, "资金拨付流程延长", FINANCE_OFFICIAL))
                    .expectResultMessagePayload("D1")
                    .expectEvents(new DeadlineChangeRequested(ID, "D1", "M2", M2_DUE, newM2, "资金拨付流程延长",
                            FINANCE_OFFICIAL));
            fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2))
                    .when(new ApproveDeadlineChange(ID, "D1", "同意", OFFICE))
                    .expectEvents(new DeadlineChangeApproved(ID, "D1", "M2", M2_DUE, newM2, "同意", OFFICE));
        }

        @Test
        void a_final_date_change_to_a_far_future_is_refused() {
            fixture.given(registered())
                    .when(new RequestDeadlineChange(ID, null, LocalDate.of(9999, 12, 31), "无限期", FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "date.out-of-range"))
                    .expectNoEvents();
        }

        @Test
        void milestones_are_re_dated_only_through_an_approved_change() {
            // after approval the new date is in force: asking for the same date again is "unchanged"
            fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2),
                            new DeadlineChangeApproved(ID, "D1", "M2", M2_DUE, newM2, null, OFFICE))
                    .when(new RequestDeadlineChange(ID, "M2", newM2, "再次", FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "deadline.unchanged"))
                    .expectNoEvents();
            // a rejected request leaves the old date in force
            fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2),
                            new DeadlineChangeRejected(ID, "D1", "M2", "理由不充分", OFFICE))
                    .when(new RequestDeadlineChange(ID, "M2", M2_DUE, "再次", FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "deadline.unchanged"))
                    .expectNoEvents();
        }

        @Test
        void only_the_office_approves_or_rejects() {
            for (var actor : List.of(FINANCE_OFFICIAL, INSPECTOR)) {
                fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2))
                        .when(new ApproveDeadlineChange(ID, "D1", null, actor))
                        .expectException(refused(NOT_PERMITTED, "commitment.office-only"))
                        .expectNoEvents();
                fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2))
                        .when(new RejectDeadlineChange(ID, "D1", "不同意", actor))
                        .expectException(refused(NOT_PERMITTED, "commitment.office-only"))
                        .expectNoEvents();
            }
        }

        @Test
        void a_rejection_needs_a_reason() {
            fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2))
                    .when(new RejectDeadlineChange(ID, "D1", "", OFFICE))
                    .expectException(refused(INVALID_INPUT, "input.required"))
                    .expectNoEvents();
            fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2))
                    .when(new RejectDeadlineChange(ID, "D1", "理由不充分", OFFICE))
                    .expectEvents(new DeadlineChangeRejected(ID, "D1", "M2", "理由不充分", OFFICE, M2_DUE, newM2));
        }

        @Test
        void a_decided_change_cannot_be_decided_again() {
            fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2),
                            new DeadlineChangeRejected(ID, "D1", "M2", "理由不充分", OFFICE))
                    .when(new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    .expectException(refused(NOT_FOUND, "deadline.not-pending"))
                    .expectNoEvents();
        }

        @Test
        void a_milestone_cannot_move_past_the_final_due_date() {
            fixture.given(registered())
                    .when(new RequestDeadlineChange(ID, "M2", DUE.plusMonths(1), "推迟", FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "deadline.after-final-due"))
                    .expectNoEvents();
        }

        @Test
        void the_final_due_date_cannot_cut_off_an_open_milestone() {
            fixture.given(registered())
                    .when(new RequestDeadlineChange(ID, null, M2_DUE.minusDays(1), "提前", FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "deadline.cuts-milestone"))
                    .expectNoEvents();
        }

        @Test
        void the_final_due_date_moves_on_approval() {
            LocalDate later = DUE.plusMonths(6);
            fixture.given(registered(), requested("D1", null, DUE, later))
                    .when(new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    .expectEvents(new DeadlineChangeApproved(ID, "D1", null, DUE, later, null, OFFICE));
        }

        @Test
        void one_pending_request_per_target() {
            fixture.given(registered(), requested("D1", "M2", M2_DUE, newM2))
                    .when(new RequestDeadlineChange(ID, "M2", newM2.minusDays(1), "再申请", FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "deadline.already-pending"))
                    .expectNoEvents();
        }

        @Test
        void a_request_needs_a_date_and_a_reason() {
            fixture.given(registered())
                    .when(new RequestDeadlineChange(ID, "M2", null, "原因", FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "deadline.date-required"))
                    .expectNoEvents();
            fixture.given(registered())
                    .when(new RequestDeadlineChange(ID, "M2", newM2, null, FINANCE_OFFICIAL))
                    .expectException(refused(INVALID_INPUT, "input.required"))
                    .expectNoEvents();
        }

        private DeadlineChangeRequested requested(String changeId, String milestoneId, LocalDate from, LocalDate to) {
            return new DeadlineChangeRequested(ID, changeId, milestoneId, from, to, "原因", FINANCE_OFFICIAL);
        }
    }

    @Nested
    class MajorIssues {

        @Test
        void a_unit_raises_and_the_office_resolves_a_major_issue() {
            fixture.given(registered())
                    .when(new RaiseMajorIssue(ID, "资金缺口 2 亿元", "需自治区协调", FINANCE_OFFICIAL))
                    .expectResultMessagePayload("I1")
                    .expectEvents(new MajorIssueRaised(ID, "I1", "资金缺口 2 亿元", "需自治区协调", FINANCE_OFFICIAL));
            fixture.given(registered(), new MajorIssueRaised(ID, "I1", "资金缺口", null, FINANCE_OFFICIAL))
                    .when(new ResolveMajorIssue(ID, "I1", "已协调", OFFICE))
                    .expectEvents(new MajorIssueResolved(ID, "I1", "已协调", OFFICE));
        }

        @Test
        void an_unknown_or_closed_issue_cannot_be_resolved() {
            fixture.given(registered(), new MajorIssueRaised(ID, "I1", "资金缺口", null, FINANCE_OFFICIAL),
                            new MajorIssueResolved(ID, "I1", "已协调", OFFICE))
                    .when(new ResolveMajorIssue(ID, "I1", "again", OFFICE))
                    .expectException(refused(NOT_FOUND, "issue.not-found"))
                    .expectNoEvents();
        }
    }

    /** "已完成" with milestones still open: one command reaches them and claims, all recorded or nothing. */
    @Nested
    class ClaimCompletingOpenMilestones {

        @Test
        void the_open_milestones_are_reached_with_the_summary_and_the_claim_follows() {
            fixture.given(registered(), new MilestoneCompleted(ID, "M1", null, FINANCE_OFFICIAL))
                    .when(claimWithProof(" 补助已拨付 ", FINANCE_OFFICIAL, true))
                    .expectEvents(new MilestoneCompleted(ID, "M2", "补助已拨付", FINANCE_OFFICIAL),
                            new CompletionClaimed(ID, "补助已拨付", FINANCE_OFFICIAL),
                            proofAttachedToClaim(FINANCE_OFFICIAL))
                    .expectResultMessagePayload(List.of("M2"));
        }

        @Test
        void an_open_case_ends_with_its_milestone_and_the_final_dates_with_the_claim() {
            fixture.given(registered(), new MilestoneBecameOverdue(ID, "M1", M1_DUE, Actor.schedule()),
                            new EscalationStarted(ID, "M1", M1_DUE, List.of(), Actor.schedule()))
                    .when(claimWithProof("已完成", FINANCE_OFFICIAL, true))
                    .expectEvents(new MilestoneCompleted(ID, "M1", "已完成", FINANCE_OFFICIAL),
                            new io.duban.command.api.EscalationEnded(ID, "M1", M1_DUE, 1,
                                    io.duban.command.api.EscalationEndReason.MILESTONE_COMPLETED, FINANCE_OFFICIAL),
                            new MilestoneCompleted(ID, "M2", "已完成", FINANCE_OFFICIAL),
                            new CompletionClaimed(ID, "已完成", FINANCE_OFFICIAL),
                            proofAttachedToClaim(FINANCE_OFFICIAL))
                    .expectResultMessagePayload(List.of("M1", "M2"));
        }

        @Test
        void with_every_milestone_reached_it_is_a_plain_claim() {
            fixture.given(allMilestonesDone())
                    .when(claimWithProof("补助已拨付", FINANCE_OFFICIAL, true))
                    .expectEvents(new CompletionClaimed(ID, "补助已拨付", FINANCE_OFFICIAL),
                            proofAttachedToClaim(FINANCE_OFFICIAL))
                    .expectResultMessagePayload(List.of());
        }

        @Test
        void a_refusal_records_no_milestone_either() {
            fixture.given(registered())
                    .when(new ClaimCompletion(ID, "补助已拨付", EDUCATION_OFFICIAL, true))
                    .expectException(refused(NOT_PERMITTED, "commitment.not-your-unit"))
                    .expectNoEvents();
            fixture.given(registered())
                    .when(new ClaimCompletion(ID, " ", FINANCE_OFFICIAL, true))
                    .expectException(refused(INVALID_INPUT, "input.required"))
                    .expectNoEvents();
            // the summary is each milestone's note too, and a note is at most 2000 characters
            fixture.given(registered())
                    .when(new ClaimCompletion(ID, "已".repeat(2001), FINANCE_OFFICIAL, true))
                    .expectException(refused(INVALID_INPUT, "input.too-long"))
                    .expectNoEvents();
            fixture.given(claimedHistory())
                    .when(new ClaimCompletion(ID, "再次申请", FINANCE_OFFICIAL, true))
                    .expectException(refused(RULE_VIOLATED, "completion.not-open"))
                    .expectNoEvents();
        }

        @Test
        void without_it_an_open_milestone_still_refuses_the_claim() {
            fixture.given(registered())
                    .when(new ClaimCompletion(ID, "补助已拨付", FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "completion.milestones-open"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Completion {

        @Test
        void completion_is_claimed_only_when_all_milestones_are_reached() {
            fixture.given(registered(), new MilestoneCompleted(ID, "M1", null, FINANCE_OFFICIAL))
                    .when(new ClaimCompletion(ID, "已完成", FINANCE_OFFICIAL))
                    .expectException(refused(RULE_VIOLATED, "completion.milestones-open"))
                    .expectNoEvents();
            fixture.given(allMilestonesDone())
                    .when(claimWithProof("补助已拨付", FINANCE_OFFICIAL, false))
                    .expectEvents(new CompletionClaimed(ID, "补助已拨付", FINANCE_OFFICIAL),
                            proofAttachedToClaim(FINANCE_OFFICIAL));
        }

        @Test
        void only_the_office_verifies_and_only_a_claimed_completion() {
            fixture.given(allMilestonesDone())
                    .when(new VerifyCompletion(ID, "同意销号", OFFICE))
                    .expectException(refused(RULE_VIOLATED, "completion.not-claimed"))
                    .expectNoEvents();
            fixture.given(claimedHistory())
                    .when(new VerifyCompletion(ID, "同意销号", FINANCE_OFFICIAL))
                    .expectException(refused(NOT_PERMITTED, "commitment.office-only"))
                    .expectNoEvents();
            fixture.given(claimedHistory())
                    .when(new VerifyCompletion(ID, "同意销号", OFFICE))
                    .expectEvents(new CompletionVerified(ID, "同意销号", OFFICE));
        }

        @Test
        void an_open_major_issue_blocks_verification() {
            fixture.given(claimedHistory())
                    .andGiven(new MajorIssueRaised(ID, "I1", "审计问题", null, FINANCE_OFFICIAL))
                    .when(new VerifyCompletion(ID, null, OFFICE))
                    .expectException(refused(RULE_VIOLATED, "completion.issues-open"))
                    .expectNoEvents();
        }

        @Test
        void the_office_sends_a_claim_back_with_a_reason() {
            fixture.given(claimedHistory())
                    .when(new ReopenCommitment(ID, "", OFFICE))
                    .expectException(refused(INVALID_INPUT, "input.required"))
                    .expectNoEvents();
            fixture.given(claimedHistory())
                    .when(new ReopenCommitment(ID, "佐证材料不足", OFFICE))
                    .expectEvents(new CommitmentReopened(ID, "佐证材料不足", OFFICE));
            fixture.given(registered())
                    .when(new ReopenCommitment(ID, "无需", OFFICE))
                    .expectException(refused(RULE_VIOLATED, "commitment.already-open"))
                    .expectNoEvents();
        }

        @Test
        void an_inspector_cannot_write_anything() {
            fixture.given(claimedHistory())
                    .when(new VerifyCompletion(ID, null, INSPECTOR))
                    .expectException(refused(NOT_PERMITTED, "commitment.office-only"))
                    .expectNoEvents();
            fixture.given(registered())
                    .when(new RaiseMajorIssue(ID, "x", null, INSPECTOR))
                    .expectException(refused(NOT_PERMITTED, "commitment.not-your-unit"))
                    .expectNoEvents();
        }
    }

    @Nested
    class DueDates {

        private final Instant registeredAt = START.atStartOfDay(ZONE).toInstant();

        @Test
        void registration_schedules_the_end_of_every_due_date_in_the_business_zone() {
            fixture.givenCurrentTime(registeredAt)
                    .when(register(FINANCE_OFFICIAL))
                    .expectScheduledDeadline(endOf(M1_DUE), new NextStep(endOf(M1_DUE)));
            PendingDeadlines.assertOnlyNextStepAt(fixture, endOf(M1_DUE));
            // one deadline at a time: each due date's end is the next step once the one before has passed
            assertThat(PendingDeadlines.nextStepsUntil(fixture, endOf(DUE)))
                    .containsExactly(endOf(M1_DUE), endOf(M2_DUE), endOf(DUE));
        }

        @Test
        void a_due_date_already_past_at_registration_is_checked_at_once() {
            Instant late = endOf(M1_DUE).plusSeconds(3600);
            fixture.givenCurrentTime(late)
                    .when(register(FINANCE_OFFICIAL))
                    .expectScheduledDeadline(late, new NextStep(late));
            PendingDeadlines.assertOnlyNextStepAt(fixture, late);
        }

        @Test
        void the_next_step_after_a_date_already_past_is_the_next_due_date() {
            Instant late = endOf(M1_DUE).plusSeconds(3600);
            fixture.givenCurrentTime(late)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(late)
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", M1_DUE, Actor.schedule()),
                            new EscalationStarted(ID, "M1", M1_DUE, List.of(), Actor.schedule()));
            PendingDeadlines.assertOnlyNextStepAt(fixture, endOf(M2_DUE));
        }

        @Test
        void a_milestone_not_reached_by_its_due_date_becomes_overdue_once() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(endOf(M1_DUE).plusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", M1_DUE, Actor.schedule()),
                            new EscalationStarted(ID, "M1", M1_DUE, List.of(), Actor.schedule()));
        }

        @Test
        void the_due_date_itself_is_not_overdue() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(endOf(M1_DUE).minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_milestone_reached_in_time_never_becomes_overdue() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new CompleteMilestone(ID, "M1", null, FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(endOf(M1_DUE).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_milestone_re_dated_by_an_approved_change_becomes_overdue_after_the_new_date() {
            LocalDate later = LocalDate.of(2026, 6, 30);
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new RequestDeadlineChange(ID, "M1", later, "征求意见延长", FINANCE_OFFICIAL),
                            new ApproveDeadlineChange(ID, "D1", null, OFFICE))
                    .whenTimeAdvancesTo(endOf(later).plusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, "M1", later, Actor.schedule()),
                            new EscalationStarted(ID, "M1", later, List.of(), Actor.schedule()));
        }

        @Test
        void the_final_due_date_passing_unmet_is_recorded() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new CompleteMilestone(ID, "M1", null, FINANCE_OFFICIAL),
                            new CompleteMilestone(ID, "M2", null, FINANCE_OFFICIAL))
                    .whenTimeAdvancesTo(endOf(DUE).plusSeconds(1))
                    .expectEvents(new MilestoneBecameOverdue(ID, null, DUE, Actor.schedule()),
                            new EscalationStarted(ID, null, DUE, List.of(), Actor.schedule()));
        }

        @Test
        void a_claimed_completion_is_not_overdue_at_the_final_due_date() {
            fixture.givenCurrentTime(registeredAt)
                    .andGivenCommands(register(FINANCE_OFFICIAL),
                            new CompleteMilestone(ID, "M1", null, FINANCE_OFFICIAL),
                            new CompleteMilestone(ID, "M2", null, FINANCE_OFFICIAL),
                            claimWithProof("已完成", FINANCE_OFFICIAL, false))
                    .whenTimeAdvancesTo(endOf(DUE).plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void the_unit_or_the_office_acknowledges_alerts_and_nobody_else() {
            fixture.given(registered())
                    .when(new AcknowledgeAlert(ID, FINANCE_OFFICIAL))
                    .expectEvents(new AlertAcknowledged(ID, FINANCE_OFFICIAL));
            fixture.given(registered())
                    .when(new AcknowledgeAlert(ID, EDUCATION_OFFICIAL))
                    .expectException(refused(NOT_PERMITTED, "commitment.not-your-unit"))
                    .expectNoEvents();
        }

        private Instant endOf(LocalDate date) {
            return date.plusDays(1).atStartOfDay(ZONE).toInstant();
        }
    }

    private static Object[] allMilestonesDone() {
        return new Object[]{registered(), new MilestoneCompleted(ID, "M1", null, FINANCE_OFFICIAL),
                new MilestoneCompleted(ID, "M2", null, FINANCE_OFFICIAL)};
    }

    private static Object[] claimedHistory() {
        return append(allMilestonesDone(), new CompletionClaimed(ID, "补助已拨付", FINANCE_OFFICIAL));
    }

    private static Object[] verifiedHistory() {
        return append(append(claimedHistory(), new ProgressReported(ID, 100, 0, null, null, FINANCE_OFFICIAL)),
                new CompletionVerified(ID, null, OFFICE));
    }

    private static Object[] append(Object[] events, Object event) {
        Object[] result = java.util.Arrays.copyOf(events, events.length + 1);
        result[events.length] = event;
        return result;
    }
}
