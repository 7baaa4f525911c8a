package io.duban.command.commitment;

import io.duban.command.input.TextInput;
import io.duban.command.api.AcknowledgeAlert;
import io.duban.command.api.Actor;
import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.ApproveDeadlineChange;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.CommitmentUrged;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.RaiseMajorIssue;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.RejectDeadlineChange;
import io.duban.command.api.ReopenCommitment;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.RequestDeadlineChange;
import io.duban.command.api.ResolveMajorIssue;
import io.duban.command.api.UrgeCommitment;
import io.duban.command.api.VerifyCompletion;
import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.command.api.evidence.EvidenceOccasion;
import io.duban.command.api.evidence.WaiveCompletionEvidence;
import io.duban.command.evidence.EvidenceIntake;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static io.duban.command.api.EscalationEndReason.COMPLETION_CLAIMED;
import static io.duban.command.api.EscalationEndReason.DEADLINE_CHANGED;
import static io.duban.command.api.EscalationEndReason.MILESTONE_COMPLETED;
import static io.duban.command.api.EscalationPauseReason.ALERT_ACKNOWLEDGED;
import static io.duban.command.api.EscalationPauseReason.PROGRESS_REPORTED;
import static io.duban.command.commitment.Permissions.requireOffice;
import static io.duban.command.commitment.Permissions.requireOwnUnit;
import static io.duban.command.commitment.Permissions.requireUnitOrOffice;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One unit's commitment to one support item: its timetable, roadmap milestones, responsible person, progress,
 * deadline changes, major issues and completion. Command handlers check the rules and apply; event-sourcing
 * handlers only assign state. When things fall due (reminders, dates passing, the ladder) is {@link DueDates}'s
 * business: the commitment holds one pending deadline for the next of them.
 */
@Aggregate
public class Commitment {

    @AggregateIdentifier
    private String commitmentId;
    private String unitId;
    private int progress;
    private CommitmentStatus status;
    @AggregateMember
    private final DueDates dueDates = new DueDates();
    @AggregateMember
    private final DeadlineChanges deadlineChanges = new DeadlineChanges();
    @AggregateMember
    private final MajorIssues majorIssues = new MajorIssues();
    @AggregateMember
    private final CompletionEvidence completionEvidence = new CompletionEvidence();

    protected Commitment() {
        // for Axon
    }

    @CommandHandler
    public Commitment(RegisterCommitment command, ItemCatalog catalog, DeadlineManager deadlines, Timekeeping time) {
        apply(Registration.check(command, catalog))
                .andThen(() -> dueDates.rescheduleNextStep(status, deadlines, time));
    }

    /**
     * Around every command on an existing commitment: when the command changed what falls due next (a milestone
     * reached, a date moved, a case paused or ended, a claim, a reopening), the pending next-step deadline is replaced.
     * Refused commands change nothing; commands that change nothing due touch no deadline.
     */
    @CommandHandlerInterceptor
    Object keepOneNextStep(InterceptorChain chain, DeadlineManager deadlines, Timekeeping time) throws Exception {
        var before = dueDates.earliest(status, time);
        Object result = chain.proceed();
        if (!dueDates.earliest(status, time).equals(before)) {
            dueDates.rescheduleNextStep(status, deadlines, time);
        }
        return result;
    }

    @DeadlineHandler
    void on(NextStep step, DeadlineManager deadlines, Timekeeping time) {
        dueDates.takeDueSteps(status, time);
        dueDates.rescheduleNextStep(status, deadlines, time);
    }

    /**
     * A deadline of a kind scheduled before the one next step (still in a Quartz store) is a wake-up: what is due is
     * decided from the state alone, so a stale one takes nothing and a due one takes its step once.
     */
    @DeadlineHandler
    void on(LegacyDeadline stale, DeadlineManager deadlines, Timekeeping time) {
        on(new NextStep(time.now()), deadlines, time);
    }

    @CommandHandler
    public void handle(UrgeCommitment command) {
        requireOffice(command.actor(), "催办");
        if (status == CommitmentStatus.VERIFIED) {
            throw CommandRefusedException.ruleViolated("commitment.verified", "该承诺已办结销号，无需催办。");
        }
        apply(new CommitmentUrged(commitmentId, TextInput.required(command.message(), "催办内容", 1000),
                command.actor()));
    }

    @CommandHandler
    public void handle(AcknowledgeAlert command) {
        requireUnitOrOffice(command.actor(), unitId, "只有责任单位或领导小组办公室可以确认收到提醒。");
        apply(new AlertAcknowledged(commitmentId, command.actor()));
        dueDates.pauseEscalations(ALERT_ACKNOWLEDGED, command.actor());
    }

    @CommandHandler
    public void handle(ReportProgress command, EvidenceIntake evidence) {
        requireOwnUnit(command.actor(), unitId);
        ProgressReported reported = ProgressReports.check(commitmentId, command, progress, status);
        List<EvidenceFile> files = evidence.accept(command.evidence());
        apply(reported);
        attach(EvidenceOccasion.PROGRESS_REPORT, null, files, command.actor());
        dueDates.pauseEscalations(PROGRESS_REPORTED, command.actor());
    }

    @CommandHandler
    public void handle(CompleteMilestone command, EvidenceIntake evidence) {
        requireOwnUnit(command.actor(), unitId);
        requireNotVerified();
        MilestoneState milestone = dueDates.openMilestone(command.milestoneId());
        String note = TextInput.optional(command.note(), "完成说明", 2000);
        List<EvidenceFile> files = evidence.accept(command.evidence());
        completeMilestone(milestone.milestoneId(), note, command.actor());
        attach(EvidenceOccasion.MILESTONE_COMPLETION, milestone.milestoneId(), files, command.actor());
    }

    private void attach(EvidenceOccasion occasion, String milestoneId, List<EvidenceFile> files, Actor actor) {
        if (!files.isEmpty()) {
            apply(new EvidenceAttached(commitmentId, occasion, milestoneId, files, actor));
        }
    }

    private void completeMilestone(String milestoneId, String note, Actor actor) {
        apply(new MilestoneCompleted(commitmentId, milestoneId, note, actor));
        dueDates.endEscalation(milestoneId, MILESTONE_COMPLETED, actor);
    }

    @CommandHandler
    public String handle(RequestDeadlineChange command) {
        requireOwnUnit(command.actor(), unitId);
        if (status != CommitmentStatus.OPEN) {
            throw CommandRefusedException.ruleViolated("deadline.not-open", "已申请或已办结的承诺不能再申请调整时限。");
        }
        var requested = deadlineChanges.check(command, dueDates);
        apply(requested);
        return requested.changeId();
    }

    @CommandHandler
    public void handle(ApproveDeadlineChange command) {
        requireOffice(command.actor(), "审批时限调整");
        DeadlineChangeApproved approved = deadlineChanges.check(command, dueDates);
        apply(approved);
        dueDates.endEscalation(approved.milestoneId(), DEADLINE_CHANGED, command.actor());
    }

    @CommandHandler
    public void handle(RejectDeadlineChange command) {
        requireOffice(command.actor(), "审批时限调整");
        apply(deadlineChanges.check(command, dueDates));
    }

    @CommandHandler
    public String handle(RaiseMajorIssue command) {
        requireOwnUnit(command.actor(), unitId);
        requireNotVerified();
        var raised = majorIssues.check(command);
        apply(raised);
        return raised.issueId();
    }

    @CommandHandler
    public void handle(ResolveMajorIssue command) {
        requireUnitOrOffice(command.actor(), unitId, "只有责任单位或领导小组办公室可以关闭重大事项。");
        apply(majorIssues.check(command));
    }

    /** Answers the ids of the milestones the claim completed (none unless {@code completingOpenMilestones}). */
    @CommandHandler
    public List<String> handle(ClaimCompletion command, EvidenceIntake evidence) {
        requireOwnUnit(command.actor(), unitId);
        if (status != CommitmentStatus.OPEN) {
            throw CommandRefusedException.ruleViolated("completion.not-open",
                    status == CommitmentStatus.VERIFIED ? "该承诺已办结销号。" : "已申请办结，正在等待办公室核验。");
        }
        List<String> unfinished = dueDates.openMilestones();
        if (!unfinished.isEmpty() && !command.completingOpenMilestones()) {
            throw CommandRefusedException.ruleViolated("completion.milestones-open",
                    "尚有未完成的里程碑：" + String.join("、", unfinished) + "。");
        }
        String summary = TextInput.required(command.summary(), "完成情况说明", 4000);
        // the summary is also each milestone's note, so it must pass as one before anything is applied
        String note = unfinished.isEmpty() ? null : TextInput.optional(summary, "完成说明", 2000);
        completionEvidence.check(command);
        List<EvidenceFile> files = evidence.accept(command.evidence());
        unfinished.forEach(milestoneId -> completeMilestone(milestoneId, note, command.actor()));
        apply(new CompletionClaimed(commitmentId, summary, command.actor()));
        attach(EvidenceOccasion.COMPLETION_CLAIM, null, files, command.actor());
        dueDates.endAllEscalations(COMPLETION_CLAIMED, command.actor());
        return unfinished;
    }

    @CommandHandler
    public void handle(WaiveCompletionEvidence command) {
        requireOffice(command.actor(), "同意免附佐证材料");
        requireNotVerified();
        apply(completionEvidence.check(command));
    }

    @CommandHandler
    public void handle(VerifyCompletion command) {
        requireOffice(command.actor(), "核验办结");
        if (status != CommitmentStatus.COMPLETION_CLAIMED) {
            throw CommandRefusedException.ruleViolated("completion.not-claimed",
                    status == CommitmentStatus.VERIFIED ? "该承诺已办结销号。" : "责任单位尚未申请办结。");
        }
        if (!majorIssues.open().isEmpty()) {
            throw CommandRefusedException.ruleViolated("completion.issues-open",
                    "尚有未关闭的重大事项：" + String.join("、", majorIssues.open()) + "。");
        }
        apply(new CompletionVerified(commitmentId, TextInput.optional(command.comment(), "核验意见", 2000),
                command.actor()));
    }

    @CommandHandler
    public void handle(ReopenCommitment command) {
        requireOffice(command.actor(), "退回承诺");
        if (status == CommitmentStatus.OPEN) {
            throw CommandRefusedException.ruleViolated("commitment.already-open", "该承诺尚未申请办结，无需退回。");
        }
        String reason = TextInput.required(command.reason(), "退回理由", 2000);
        apply(new CommitmentReopened(commitmentId, reason, command.actor()));
    }

    private void requireNotVerified() {
        if (status == CommitmentStatus.VERIFIED) {
            throw CommandRefusedException.ruleViolated("commitment.verified", "该承诺已办结销号；如需继续，请办公室先退回。");
        }
    }

    @EventSourcingHandler
    void on(CommitmentRegistered event) {
        commitmentId = event.commitmentId();
        unitId = event.unitId();
        status = CommitmentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ProgressReported event) {
        progress = event.percent();
    }

    @EventSourcingHandler
    void on(CompletionClaimed event) {
        status = CommitmentStatus.COMPLETION_CLAIMED;
    }

    @EventSourcingHandler
    void on(CompletionVerified event) {
        status = CommitmentStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(CommitmentReopened event) {
        status = CommitmentStatus.OPEN;
    }
}
