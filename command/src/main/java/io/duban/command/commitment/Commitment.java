package io.duban.command.commitment;

import io.duban.command.api.Actor;
import io.duban.command.api.ApproveDeadlineChange;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompleteMilestone;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.Milestone;
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
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import io.duban.command.api.VerifyCompletion;
import io.duban.command.api.AcknowledgeAlert;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.CommitmentUrged;
import io.duban.command.api.DueDateApproaching;
import io.duban.command.api.EscalationEndReason;
import io.duban.command.api.EscalationEnded;
import io.duban.command.api.EscalationPauseReason;
import io.duban.command.api.EscalationPaused;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.UrgeCommitment;
import io.duban.command.api.calendar.WorkingCalendar;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One unit's commitment to one support item: its timetable, roadmap milestones, responsible person, progress,
 * deadline changes, major issues and completion. Command handlers check the rules and apply; event-sourcing
 * handlers only assign state.
 */
@Aggregate
public class Commitment {

    static final int MAX_MILESTONES = 30;
    static final String DUE_DATE_PASSED = "due-date-passed";
    static final String DUE_DATE_APPROACHING = "due-date-approaching";
    static final String ESCALATION_STEP = "escalation-step";

    @AggregateIdentifier
    private String commitmentId;
    private String unitId;
    private LocalDate startDate;
    private LocalDate dueDate;
    private Map<String, MilestoneState> milestones = new LinkedHashMap<>();
    private int progress;
    private CommitmentStatus status;
    private Map<String, PendingDeadlineChange> pendingChanges = new LinkedHashMap<>();
    private int deadlineChangeCount;
    private Set<String> openIssues = new HashSet<>();
    /** Due dates already recorded as overdue, keyed by milestone id ("" for the final due date). */
    private Map<String, LocalDate> overdue = new LinkedHashMap<>();
    private int issueCount;
    /** Open escalation cases, keyed like {@link #overdue}. */
    private Map<String, EscalationCase> escalations = new LinkedHashMap<>();
    /** Reminders already applied ("key|date|days"), so a deadline delivered twice reminds once. */
    private Set<String> remindersSent = new HashSet<>();

    protected Commitment() {
        // for Axon
    }

    @CommandHandler
    public Commitment(RegisterCommitment command, ItemCatalog catalog, DeadlineManager deadlines, Clock clock,
                      WorkingCalendar calendar, SchedulePolicy policy) {
        Actor actor = command.actor();
        if (actor == null || !actor.actsFor(command.unitId())) {
            throw CommandRefusedException.notPermitted("commitment.not-your-unit",
                    "只能为本单位登记承诺：您不代表该责任单位。");
        }
        SupportItem item = catalog.findItem(command.policyId(), command.itemNumber())
                .orElseThrow(() -> CommandRefusedException.notFound("item.not-found",
                        "未找到政策 " + command.policyId() + " 的第 " + command.itemNumber() + " 项支持事项。"));
        ResponsibleUnit unit = item.units().stream().filter(u -> u.unitId().equals(command.unitId())).findFirst()
                .orElseThrow(() -> CommandRefusedException.notPermitted("commitment.unit-not-responsible",
                        "本单位不是第 " + item.number() + " 项支持事项的责任单位，不能登记承诺。"));
        if (!CommitmentId.of(command.policyId(), command.itemNumber(), command.unitId())
                .equals(command.commitmentId())) {
            throw CommandRefusedException.invalid("commitment.bad-id", "承诺编号与政策、事项和单位不一致。");
        }
        if (catalog.isRegistered(command.commitmentId())) {
            throw CommandRefusedException.ruleViolated("commitment.already-registered",
                    unit.name() + " 已登记第 " + item.number() + " 项的承诺，不能重复登记。");
        }
        String person = TextInput.required(command.responsible() == null ? null : command.responsible().name(),
                "责任人姓名", 50);
        String position = TextInput.optional(command.responsible().position(), "责任人职务", 100);
        String roadmap = TextInput.required(command.roadmap(), "路线图", 4000);
        if (command.startDate() == null || command.dueDate() == null) {
            throw CommandRefusedException.invalid("commitment.dates-required", "请填写开始日期和完成时限。");
        }
        DateInput.plausible(command.startDate(), "开始日期");
        DateInput.plausible(command.dueDate(), "完成时限");
        if (command.dueDate().isBefore(command.startDate())) {
            throw CommandRefusedException.invalid("commitment.due-before-start", "完成时限不能早于开始日期。");
        }
        List<Milestone> roadmapSteps = numberMilestones(command.milestones(), item, command.startDate(),
                command.dueDate());
        apply(new CommitmentRegistered(command.commitmentId(), command.policyId(), command.itemNumber(),
                command.unitId(), unit.name(), new ResponsiblePerson(person, position), roadmap,
                command.startDate(), command.dueDate(), roadmapSteps, actor));
        roadmapSteps.forEach(m -> scheduleDueDate(deadlines, clock, calendar, policy, m.milestoneId(), m.dueDate()));
        scheduleDueDate(deadlines, clock, calendar, policy, null, command.dueDate());
    }

    /** The due-date deadline and the reminders before it; reminders already in the past are skipped. */
    private static void scheduleDueDate(DeadlineManager deadlines, Clock clock, WorkingCalendar calendar,
                                        SchedulePolicy policy, String milestoneId, LocalDate due) {
        scheduleDueDate(deadlines, clock, milestoneId, due);
        Instant now = clock.instant();
        for (int days : policy.reminderWorkingDays()) {
            Instant at = calendar.minusWorkingDays(due, days).atTime(policy.businessStart())
                    .atZone(clock.getZone()).toInstant();
            if (at.isAfter(now)) {
                deadlines.schedule(at, DUE_DATE_APPROACHING, new DueDateReminder(milestoneId, due, days));
            }
        }
    }

    @DeadlineHandler(deadlineName = DUE_DATE_APPROACHING)
    void on(DueDateReminder reminder) {
        String key = key(reminder.milestoneId());
        String sent = key + "|" + reminder.dueDate() + "|" + reminder.workingDaysLeft();
        if (!reminder.dueDate().equals(currentDueDate(reminder.milestoneId())) || isDone(reminder.milestoneId())
                || status == CommitmentStatus.VERIFIED || remindersSent.contains(sent)) {
            return; // re-dated, done, or already reminded
        }
        apply(new DueDateApproaching(commitmentId, reminder.milestoneId(), reminder.dueDate(),
                reminder.workingDaysLeft(), Actor.schedule()));
    }

    /**
     * Climbs to the step's level if the case is still open below it, on the same due date, and not paused by a
     * progress report or an acknowledgement. Steps left over from an ended case or an older due date are stale, and
     * so is a step whose level the case has already reached.
     * <p>
     * Steps that came due at the same moment (a case opened late, a restart after downtime) may fire in any order,
     * on any Quartz thread or node: when a step finds the case more than one level below, the levels in between are
     * due as well (the ladder rises with time), so it raises each of them in order; the lower step, firing after it,
     * is then stale. (Taking only the step's own level lost level 3 whenever it fired before level 2: drill
     * two-nodes, 6 cases of 20.)
     */
    @DeadlineHandler(deadlineName = ESCALATION_STEP)
    void on(EscalationStep step) {
        EscalationCase escalation = escalations.get(key(step.milestoneId()));
        if (escalation == null || escalation.paused() || !escalation.dueDate().equals(step.dueDate())
                || escalation.level() >= step.level()) {
            return;
        }
        for (int level = escalation.level() + 1; level <= step.level(); level++) {
            apply(new EscalationRaised(commitmentId, step.milestoneId(), step.dueDate(), level, Actor.schedule()));
        }
    }

    @CommandHandler
    public void handle(UrgeCommitment command) {
        requireOffice(command.actor(), "催办");
        if (status == CommitmentStatus.VERIFIED) {
            throw CommandRefusedException.ruleViolated("commitment.verified", "该承诺已办结销号，无需催办。");
        }
        String message = TextInput.required(command.message(), "催办内容", 1000);
        apply(new CommitmentUrged(commitmentId, message, command.actor()));
    }

    private static String key(String milestoneId) {
        return milestoneId == null ? "" : milestoneId;
    }

    private LocalDate currentDueDate(String milestoneId) {
        return milestoneId == null ? dueDate : milestones.get(milestoneId).dueDate();
    }

    private boolean isDone(String milestoneId) {
        return milestoneId == null ? status != CommitmentStatus.OPEN : milestones.get(milestoneId).completed();
    }

    private void pauseEscalations(EscalationPauseReason reason, Actor actor) {
        escalations.values().stream().filter(e -> !e.paused()).toList().forEach(e -> apply(new EscalationPaused(
                commitmentId, e.milestoneId(), e.dueDate(), e.level(), reason, actor)));
    }

    private void endEscalation(String milestoneId, EscalationEndReason reason, Actor actor) {
        EscalationCase escalation = escalations.get(key(milestoneId));
        if (escalation != null) {
            apply(new EscalationEnded(commitmentId, milestoneId, escalation.dueDate(), escalation.level(), reason,
                    actor));
        }
    }

    /**
     * Due dates are whole days in the business zone: a date is overdue once the following day has begun. A date
     * already past (a roadmap registered late) is checked at once rather than handed to the scheduler as a trigger
     * in the past, which Quartz would only pick up on its next misfire scan.
     */
    private static void scheduleDueDate(DeadlineManager deadlines, Clock clock, String milestoneId, LocalDate due) {
        Instant endOfDueDate = due.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Instant now = clock.instant();
        deadlines.schedule(endOfDueDate.isBefore(now) ? now : endOfDueDate, DUE_DATE_PASSED,
                new DueDatePassed(milestoneId, due));
    }

    @DeadlineHandler(deadlineName = DUE_DATE_PASSED)
    void on(DueDatePassed deadline, DeadlineManager deadlines, Clock clock, WorkingCalendar calendar,
            SchedulePolicy policy) {
        boolean finalDate = deadline.milestoneId() == null;
        LocalDate current = finalDate ? dueDate : milestones.get(deadline.milestoneId()).dueDate();
        boolean done = finalDate ? status != CommitmentStatus.OPEN : milestones.get(deadline.milestoneId()).completed();
        String key = finalDate ? "" : deadline.milestoneId();
        if (done || !deadline.dueDate().equals(current) || deadline.dueDate().equals(overdue.get(key))) {
            return; // reached in time, re-dated by an approved change, or already recorded
        }
        apply(new MilestoneBecameOverdue(commitmentId, deadline.milestoneId(), deadline.dueDate(), Actor.schedule()));
        startEscalation(deadline.milestoneId(), deadline.dueDate(), deadlines, clock, calendar, policy);
    }

    /**
     * Opens the case at level 1 with the ladder in force now, and schedules every step at once: step i (level i+2)
     * fires at business start of the working day after the ladder's i-th count of working days after the due date,
     * i.e. once that many whole working days have passed overdue. A step whose time has already passed (a case
     * opened late) fires at once; each step checks the case again when it fires.
     */
    private void startEscalation(String milestoneId, LocalDate due, DeadlineManager deadlines, Clock clock,
                                 WorkingCalendar calendar, SchedulePolicy policy) {
        List<Integer> ladder = policy.escalationLadder();
        apply(new EscalationStarted(commitmentId, milestoneId, due, ladder, Actor.schedule()));
        Instant now = clock.instant();
        for (int i = 0; i < ladder.size(); i++) {
            Instant at = calendar.plusWorkingDays(due, ladder.get(i) + 1).atTime(policy.businessStart())
                    .atZone(clock.getZone()).toInstant();
            deadlines.schedule(at.isBefore(now) ? now : at, ESCALATION_STEP, new EscalationStep(milestoneId, due, i + 2));
        }
    }

    @CommandHandler
    public void handle(AcknowledgeAlert command) {
        Actor actor = command.actor();
        if (actor == null || !(actor.actsFor(unitId) || actor.isOffice())) {
            throw CommandRefusedException.notPermitted("commitment.not-your-unit",
                    "只有责任单位或领导小组办公室可以确认收到提醒。");
        }
        apply(new AlertAcknowledged(commitmentId, actor));
        pauseEscalations(EscalationPauseReason.ALERT_ACKNOWLEDGED, actor);
    }

    private static List<Milestone> numberMilestones(List<MilestonePlan> plans, SupportItem item, LocalDate start,
                                                    LocalDate due) {
        if (plans == null || plans.isEmpty()) {
            throw CommandRefusedException.invalid("commitment.milestones-required", "路线图至少需要一个里程碑。");
        }
        if (plans.size() > MAX_MILESTONES) {
            throw CommandRefusedException.invalid("commitment.too-many-milestones",
                    "里程碑不能超过 " + MAX_MILESTONES + " 个。");
        }
        List<MilestonePlan> sorted = new ArrayList<>();
        for (MilestonePlan plan : plans) {
            if (plan == null || plan.dueDate() == null) {
                throw CommandRefusedException.invalid("milestone.due-required", "每个里程碑都需要截止日期。");
            }
            TextInput.required(plan.title(), "里程碑名称", 200);
            if (plan.dueDate().isBefore(start) || plan.dueDate().isAfter(due)) {
                throw CommandRefusedException.invalid("milestone.outside-timetable",
                        "里程碑“" + plan.title().strip() + "”的截止日期 " + plan.dueDate() + " 不在 " + start + " 至 "
                                + due + " 之间。");
            }
            sorted.add(plan);
        }
        // The unit's milestones are M1, M2, … by date; the ones the item's targets add have ids of their own kind
        // (Y2027), so adding them never shifts the ids the unit was given (and uses in replies and requests).
        sorted.sort(Comparator.comparing(MilestonePlan::dueDate));
        List<Milestone> numbered = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            numbered.add(new Milestone("M" + (i + 1), sorted.get(i).title().strip(), sorted.get(i).dueDate()));
        }
        numbered.addAll(TargetMilestones.milestones(item, start, due, plans));
        numbered.sort(Comparator.comparing(Milestone::dueDate)); // stable: the unit's own first on equal dates
        return numbered;
    }

    @CommandHandler
    public void handle(ReportProgress command) {
        requireOwnUnit(command.actor());
        if (status == CommitmentStatus.VERIFIED) {
            throw CommandRefusedException.ruleViolated("commitment.verified",
                    "该承诺已办结销号，不能再报告进度；如需继续，请办公室先退回。");
        }
        if (command.percent() < 0 || command.percent() > 100) {
            throw CommandRefusedException.invalid("progress.out-of-range", "进度须在 0 到 100 之间。");
        }
        String note = TextInput.optional(command.note(), "进度说明", 2000);
        String reason = TextInput.optional(command.reasonForDecrease(), "进度下调原因", 1000);
        if (command.percent() < progress && reason == null) {
            throw CommandRefusedException.ruleViolated("progress.decrease-needs-reason",
                    "进度由 " + progress + "% 下调为 " + command.percent() + "% 须说明原因。");
        }
        apply(new ProgressReported(commitmentId, command.percent(), progress, note,
                command.percent() < progress ? reason : null, command.actor()));
        pauseEscalations(EscalationPauseReason.PROGRESS_REPORTED, command.actor());
    }

    @CommandHandler
    public void handle(CompleteMilestone command) {
        requireOwnUnit(command.actor());
        requireNotVerified();
        MilestoneState milestone = milestone(command.milestoneId());
        if (milestone.completed()) {
            throw CommandRefusedException.ruleViolated("milestone.already-completed",
                    "里程碑 " + milestone.milestoneId() + " 已完成。");
        }
        apply(new MilestoneCompleted(commitmentId, milestone.milestoneId(),
                TextInput.optional(command.note(), "完成说明", 2000), command.actor()));
        endEscalation(milestone.milestoneId(), EscalationEndReason.MILESTONE_COMPLETED, command.actor());
    }

    @CommandHandler
    public String handle(RequestDeadlineChange command) {
        requireOwnUnit(command.actor());
        if (status != CommitmentStatus.OPEN) {
            throw CommandRefusedException.ruleViolated("deadline.not-open", "已申请或已办结的承诺不能再申请调整时限。");
        }
        LocalDate requested = command.requestedDueDate();
        if (requested == null) {
            throw CommandRefusedException.invalid("deadline.date-required", "请填写申请调整后的截止日期。");
        }
        DateInput.plausible(requested, "申请调整后的截止日期");
        String reason = TextInput.required(command.reason(), "调整原因", 2000);
        LocalDate current;
        if (command.milestoneId() == null) {
            current = dueDate;
        } else {
            MilestoneState milestone = milestone(command.milestoneId());
            if (milestone.completed()) {
                throw CommandRefusedException.ruleViolated("deadline.milestone-completed",
                        "里程碑 " + milestone.milestoneId() + " 已完成，无需调整时限。");
            }
            current = milestone.dueDate();
        }
        if (requested.equals(current)) {
            throw CommandRefusedException.invalid("deadline.unchanged", "申请的日期与当前截止日期相同。");
        }
        checkFitsTimetable(command.milestoneId(), requested);
        boolean alreadyPending = pendingChanges.values().stream()
                .anyMatch(c -> Objects.equals(c.milestoneId(), command.milestoneId()));
        if (alreadyPending) {
            throw CommandRefusedException.ruleViolated("deadline.already-pending",
                    "该" + target(command.milestoneId()) + "已有待审批的调整申请。");
        }
        String changeId = "D" + (deadlineChangeCount + 1);
        apply(new DeadlineChangeRequested(commitmentId, changeId, command.milestoneId(), current, requested, reason,
                command.actor()));
        return changeId;
    }

    @CommandHandler
    public void handle(ApproveDeadlineChange command, DeadlineManager deadlines, Clock clock,
                       WorkingCalendar calendar, SchedulePolicy policy) {
        requireOffice(command.actor(), "审批时限调整");
        PendingDeadlineChange change = pendingChange(command.changeId());
        checkFitsTimetable(change.milestoneId(), change.requestedDueDate());
        LocalDate previous = change.milestoneId() == null ? dueDate : milestones.get(change.milestoneId()).dueDate();
        apply(new DeadlineChangeApproved(commitmentId, change.changeId(), change.milestoneId(), previous,
                change.requestedDueDate(), TextInput.optional(command.comment(), "审批意见", 2000), command.actor()));
        endEscalation(change.milestoneId(), EscalationEndReason.DEADLINE_CHANGED, command.actor());
        // deadlines for the old date (due date, reminders, escalation steps) stay scheduled and are ignored as stale
        scheduleDueDate(deadlines, clock, calendar, policy, change.milestoneId(), change.requestedDueDate());
    }

    @CommandHandler
    public void handle(RejectDeadlineChange command) {
        requireOffice(command.actor(), "审批时限调整");
        PendingDeadlineChange change = pendingChange(command.changeId());
        String reason = TextInput.required(command.reason(), "不予批准的理由", 2000);
        apply(new DeadlineChangeRejected(commitmentId, change.changeId(), change.milestoneId(), reason,
                command.actor(), currentDueDate(change.milestoneId()), change.requestedDueDate()));
    }

    @CommandHandler
    public String handle(RaiseMajorIssue command) {
        requireOwnUnit(command.actor());
        requireNotVerified();
        String summary = TextInput.required(command.summary(), "重大事项摘要", 200);
        String detail = TextInput.optional(command.detail(), "重大事项详情", 4000);
        String issueId = "I" + (issueCount + 1);
        apply(new MajorIssueRaised(commitmentId, issueId, summary, detail, command.actor()));
        return issueId;
    }

    @CommandHandler
    public void handle(ResolveMajorIssue command) {
        Actor actor = command.actor();
        if (actor == null || !(actor.actsFor(unitId) || actor.isOffice())) {
            throw CommandRefusedException.notPermitted("commitment.not-your-unit",
                    "只有责任单位或领导小组办公室可以关闭重大事项。");
        }
        if (command.issueId() == null || !openIssues.contains(command.issueId())) {
            throw CommandRefusedException.notFound("issue.not-found", "未找到未关闭的重大事项 " + command.issueId() + "。");
        }
        String resolution = TextInput.required(command.resolution(), "解决情况", 2000);
        apply(new MajorIssueResolved(commitmentId, command.issueId(), resolution, actor));
    }

    @CommandHandler
    public void handle(ClaimCompletion command) {
        requireOwnUnit(command.actor());
        if (status != CommitmentStatus.OPEN) {
            throw CommandRefusedException.ruleViolated("completion.not-open",
                    status == CommitmentStatus.VERIFIED ? "该承诺已办结销号。" : "已申请办结，正在等待办公室核验。");
        }
        List<String> unfinished = milestones.values().stream().filter(m -> !m.completed())
                .map(MilestoneState::milestoneId).toList();
        if (!unfinished.isEmpty()) {
            throw CommandRefusedException.ruleViolated("completion.milestones-open",
                    "尚有未完成的里程碑：" + String.join("、", unfinished) + "。");
        }
        String summary = TextInput.required(command.summary(), "完成情况说明", 4000);
        apply(new CompletionClaimed(commitmentId, summary, command.actor()));
        List.copyOf(escalations.values()).forEach(e ->
                endEscalation(e.milestoneId(), EscalationEndReason.COMPLETION_CLAIMED, command.actor()));
    }

    @CommandHandler
    public void handle(VerifyCompletion command) {
        requireOffice(command.actor(), "核验办结");
        if (status != CommitmentStatus.COMPLETION_CLAIMED) {
            throw CommandRefusedException.ruleViolated("completion.not-claimed",
                    status == CommitmentStatus.VERIFIED ? "该承诺已办结销号。" : "责任单位尚未申请办结。");
        }
        if (!openIssues.isEmpty()) {
            throw CommandRefusedException.ruleViolated("completion.issues-open",
                    "尚有未关闭的重大事项：" + String.join("、", openIssues.stream().sorted().toList()) + "。");
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

    private void requireOwnUnit(Actor actor) {
        if (actor == null || !actor.actsFor(unitId)) {
            throw CommandRefusedException.notPermitted("commitment.not-your-unit",
                    "只能操作本单位的承诺：您不代表该责任单位。");
        }
    }

    private static void requireOffice(Actor actor, String what) {
        if (actor == null || !actor.isOffice()) {
            throw CommandRefusedException.notPermitted("commitment.office-only", "只有领导小组办公室可以" + what + "。");
        }
    }

    private void requireNotVerified() {
        if (status == CommitmentStatus.VERIFIED) {
            throw CommandRefusedException.ruleViolated("commitment.verified", "该承诺已办结销号；如需继续，请办公室先退回。");
        }
    }

    private MilestoneState milestone(String milestoneId) {
        MilestoneState milestone = milestoneId == null ? null : milestones.get(milestoneId);
        if (milestone == null) {
            throw CommandRefusedException.notFound("milestone.not-found", "未找到里程碑 " + milestoneId + "。");
        }
        return milestone;
    }

    private PendingDeadlineChange pendingChange(String changeId) {
        PendingDeadlineChange change = changeId == null ? null : pendingChanges.get(changeId);
        if (change == null) {
            throw CommandRefusedException.notFound("deadline.not-pending", "未找到待审批的时限调整申请 " + changeId + "。");
        }
        return change;
    }

    /** A milestone must stay within the timetable; the final due date must not cut off an open milestone. */
    private void checkFitsTimetable(String milestoneId, LocalDate requested) {
        if (requested.isBefore(startDate)) {
            throw CommandRefusedException.ruleViolated("deadline.before-start", "截止日期不能早于开始日期 " + startDate + "。");
        }
        if (milestoneId != null && requested.isAfter(dueDate)) {
            throw CommandRefusedException.ruleViolated("deadline.after-final-due",
                    "里程碑不能晚于总体完成时限 " + dueDate + "；请先申请调整总体完成时限。");
        }
        if (milestoneId == null) {
            milestones.values().stream().filter(m -> !m.completed() && m.dueDate().isAfter(requested)).findFirst()
                    .ifPresent(m -> {
                        throw CommandRefusedException.ruleViolated("deadline.cuts-milestone",
                                "总体完成时限不能早于未完成的里程碑 " + m.milestoneId() + "（" + m.dueDate() + "）。");
                    });
        }
    }

    private static String target(String milestoneId) {
        return milestoneId == null ? "总体完成时限" : "里程碑 " + milestoneId;
    }

    @EventSourcingHandler
    void on(CommitmentRegistered event) {
        commitmentId = event.commitmentId();
        unitId = event.unitId();
        startDate = event.startDate();
        dueDate = event.dueDate();
        milestones = new LinkedHashMap<>();
        event.milestones().forEach(m -> milestones.put(m.milestoneId(), new MilestoneState(m.milestoneId(),
                m.dueDate(), false)));
        status = CommitmentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(MilestoneBecameOverdue event) {
        overdue.put(event.milestoneId() == null ? "" : event.milestoneId(), event.dueDate());
    }

    @EventSourcingHandler
    void on(DueDateApproaching event) {
        remindersSent.add(key(event.milestoneId()) + "|" + event.dueDate() + "|" + event.workingDaysLeft());
    }

    @EventSourcingHandler
    void on(EscalationStarted event) {
        escalations.put(key(event.milestoneId()), new EscalationCase(event.milestoneId(), event.dueDate(),
                event.ladder(), 1, false));
    }

    @EventSourcingHandler
    void on(EscalationRaised event) {
        escalations.computeIfPresent(key(event.milestoneId()), (k, e) -> e.raisedTo(event.level()));
    }

    @EventSourcingHandler
    void on(EscalationPaused event) {
        escalations.computeIfPresent(key(event.milestoneId()), (k, e) -> e.pausedCase());
    }

    @EventSourcingHandler
    void on(EscalationEnded event) {
        escalations.remove(key(event.milestoneId()));
    }

    @EventSourcingHandler
    void on(ProgressReported event) {
        progress = event.percent();
    }

    @EventSourcingHandler
    void on(MilestoneCompleted event) {
        milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.markCompleted());
    }

    @EventSourcingHandler
    void on(DeadlineChangeRequested event) {
        deadlineChangeCount++;
        pendingChanges.put(event.changeId(), new PendingDeadlineChange(event.changeId(), event.milestoneId(),
                event.requestedDueDate()));
    }

    @EventSourcingHandler
    void on(DeadlineChangeApproved event) {
        pendingChanges.remove(event.changeId());
        if (event.milestoneId() == null) {
            dueDate = event.newDueDate();
        } else {
            milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.withDueDate(event.newDueDate()));
        }
    }

    @EventSourcingHandler
    void on(DeadlineChangeRejected event) {
        pendingChanges.remove(event.changeId());
    }

    @EventSourcingHandler
    void on(MajorIssueRaised event) {
        issueCount++;
        openIssues.add(event.issueId());
    }

    @EventSourcingHandler
    void on(MajorIssueResolved event) {
        openIssues.remove(event.issueId());
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
