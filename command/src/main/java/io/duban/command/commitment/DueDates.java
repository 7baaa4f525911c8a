package io.duban.command.commitment;

import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DueDateApproaching;
import io.duban.command.api.EscalationEndReason;
import io.duban.command.api.EscalationEnded;
import io.duban.command.api.EscalationPauseReason;
import io.duban.command.api.EscalationPaused;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A commitment's due dates (its milestones' and its final one), the reminders before them and the escalation ladder
 * after them: an aggregate member of {@link Commitment}, which keeps the business rules.
 * <p>
 * Everything still to happen is derived from this state as {@link DueStep}s, so the commitment keeps exactly one
 * pending deadline, a {@link NextStep} at the earliest of them: when it fires every step then due is taken and the next
 * one scheduled; a command that changes what is due replaces it. Taking a step applies its events, after which the
 * step is no longer pending, so a deadline delivered twice, late, or left over from before a change takes nothing twice.
 */
class DueDates {

    /** Keys of the due dates: a milestone id, or "" for the final due date. */
    private static final String FINAL = "";

    private String commitmentId;
    private LocalDate finalDueDate;
    private final Map<String, MilestoneState> milestones = new LinkedHashMap<>();
    /** When each due date got its current value (registration or approved change): reminders before it are skipped. */
    private final Map<String, Instant> datedAt = new HashMap<>();
    /** Due dates already recorded as overdue. */
    private final Map<String, LocalDate> overdue = new HashMap<>();
    /** Open escalation cases. */
    private final Map<String, EscalationCase> escalations = new LinkedHashMap<>();
    /** Reminders already applied ("key|date|days"). */
    private final Set<String> remindersSent = new HashSet<>();

    LocalDate finalDueDate() {
        return finalDueDate;
    }

    /** The current due date of a milestone, or the final one for null. */
    LocalDate dueDate(String milestoneId) {
        return milestoneId == null ? finalDueDate : milestones.get(milestoneId).dueDate();
    }

    /** The milestone, or null if there is none of that id. */
    MilestoneState milestone(String milestoneId) {
        return milestoneId == null ? null : milestones.get(milestoneId);
    }

    /** The milestone a unit may complete now, or a refusal saying why not. */
    MilestoneState openMilestone(String milestoneId) {
        MilestoneState milestone = milestone(milestoneId);
        if (milestone == null) {
            throw CommandRefusedException.notFound("milestone.not-found", "未找到里程碑 " + milestoneId + "。");
        }
        if (milestone.completed()) {
            throw CommandRefusedException.ruleViolated("milestone.already-completed",
                    "里程碑 " + milestone.milestoneId() + " 已完成。");
        }
        return milestone;
    }

    Collection<MilestoneState> milestones() {
        return milestones.values();
    }

    List<String> openMilestones() {
        return milestones.values().stream().filter(m -> !m.completed()).map(MilestoneState::milestoneId).toList();
    }

    /** The earliest moment something is due, past or future; empty when nothing is left to happen. */
    Optional<Instant> earliest(CommitmentStatus status, Timekeeping time) {
        List<DueStep> steps = pending(status, time);
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(0).at());
    }

    /** Takes every step due by now, earliest first; a step can make another due (a date passing opens its case). */
    void takeDueSteps(CommitmentStatus status, Timekeeping time) {
        Instant now = time.now();
        // each step taken leaves the pending list for good; the bound only guards against a mistake looping forever
        for (int taken = 0; taken < 10_000; taken++) {
            List<DueStep> steps = pending(status, time);
            if (steps.isEmpty() || steps.get(0).at().isAfter(now)) {
                return;
            }
            take(steps.get(0), time.policy());
        }
        throw new IllegalStateException("commitment " + commitmentId + ": due steps do not come to an end");
    }

    /**
     * Replaces the commitment's pending next-step deadline by one at the earliest pending step (at once if that is
     * past), or by none when nothing is left. Runs on the unit of work's commit, like every deadline operation.
     */
    void rescheduleNextStep(CommitmentStatus status, DeadlineManager deadlines, Timekeeping time) {
        String name = NextStep.deadlineName(commitmentId);
        deadlines.cancelAll(name);
        Instant now = time.now();
        earliest(status, time).map(at -> at.isBefore(now) ? now : at)
                .ifPresent(at -> deadlines.schedule(at, name, new NextStep(at)));
    }

    void pauseEscalations(EscalationPauseReason reason, Actor actor) {
        escalations.values().stream().filter(e -> !e.paused()).toList().forEach(e -> apply(new EscalationPaused(
                commitmentId, e.milestoneId(), e.dueDate(), e.level(), reason, actor)));
    }

    void endEscalation(String milestoneId, EscalationEndReason reason, Actor actor) {
        EscalationCase escalation = escalations.get(key(milestoneId));
        if (escalation != null) {
            apply(new EscalationEnded(commitmentId, milestoneId, escalation.dueDate(), escalation.level(), reason,
                    actor));
        }
    }

    void endAllEscalations(EscalationEndReason reason, Actor actor) {
        List.copyOf(escalations.values()).forEach(e -> endEscalation(e.milestoneId(), reason, actor));
    }

    /**
     * Everything still to happen, earliest first. Nothing is due unless the commitment is open (a claim needs every
     * milestone reached and ends every case). For each date not reached: its reminders later than the moment it was
     * dated and not yet sent, and its passing unless recorded; for each case not paused: its next level on the ladder
     * it opened with.
     */
    private List<DueStep> pending(CommitmentStatus status, Timekeeping time) {
        List<DueStep> steps = new ArrayList<>();
        if (status != CommitmentStatus.OPEN) {
            return steps;
        }
        milestones.values().stream().filter(m -> !m.completed())
                .forEach(m -> addDateSteps(steps, m.milestoneId(), m.dueDate(), time));
        addDateSteps(steps, null, finalDueDate, time);
        for (EscalationCase escalation : escalations.values()) {
            int next = escalation.level() + 1;
            if (!escalation.paused() && next - 2 < escalation.ladder().size()) {
                steps.add(new DueStep(DueStep.Kind.CLIMB, escalation.milestoneId(), escalation.dueDate(), next,
                        time.stepAt(escalation.dueDate(), escalation.ladder().get(next - 2))));
            }
        }
        steps.sort(Comparator.comparing(DueStep::at).thenComparing(DueStep::kind)); // stable: milestones by date
        return steps;
    }

    private void addDateSteps(List<DueStep> steps, String milestoneId, LocalDate due, Timekeeping time) {
        String key = key(milestoneId);
        if (due.equals(overdue.get(key))) {
            return;
        }
        Instant dated = datedAt.getOrDefault(key, Instant.MIN);
        for (int days : time.policy().reminderWorkingDays()) {
            Instant at = time.reminderAt(due, days);
            if (at.isAfter(dated) && !remindersSent.contains(reminderKey(key, due, days))) {
                steps.add(new DueStep(DueStep.Kind.REMIND, milestoneId, due, days, at));
            }
        }
        steps.add(new DueStep(DueStep.Kind.OVERDUE, milestoneId, due, 0, time.endOf(due)));
    }

    /** A date passing opens its case at level 1 with the ladder in force now, recorded with the case. */
    private void take(DueStep step, SchedulePolicy policy) {
        switch (step.kind()) {
            case REMIND -> apply(new DueDateApproaching(commitmentId, step.milestoneId(), step.dueDate(), step.number(),
                    Actor.schedule()));
            case OVERDUE -> {
                apply(new MilestoneBecameOverdue(commitmentId, step.milestoneId(), step.dueDate(), Actor.schedule()));
                apply(new EscalationStarted(commitmentId, step.milestoneId(), step.dueDate(),
                        policy.escalationLadder(), Actor.schedule()));
            }
            case CLIMB -> apply(new EscalationRaised(commitmentId, step.milestoneId(), step.dueDate(), step.number(),
                    Actor.schedule()));
        }
    }

    private static String key(String milestoneId) {
        return milestoneId == null ? FINAL : milestoneId;
    }

    private static String reminderKey(String key, LocalDate due, int days) {
        return key + "|" + due + "|" + days;
    }

    @EventSourcingHandler
    void on(CommitmentRegistered event, @Timestamp Instant at) {
        commitmentId = event.commitmentId();
        finalDueDate = event.dueDate();
        datedAt.put(FINAL, at);
        event.milestones().forEach(m -> {
            milestones.put(m.milestoneId(), new MilestoneState(m.milestoneId(), m.dueDate(), false));
            datedAt.put(m.milestoneId(), at);
        });
    }

    @EventSourcingHandler
    void on(MilestoneCompleted event) {
        milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.markCompleted());
    }

    @EventSourcingHandler
    void on(DeadlineChangeApproved event, @Timestamp Instant at) {
        if (event.milestoneId() == null) {
            finalDueDate = event.newDueDate();
        } else {
            milestones.computeIfPresent(event.milestoneId(), (id, m) -> m.withDueDate(event.newDueDate()));
        }
        datedAt.put(key(event.milestoneId()), at);
    }

    @EventSourcingHandler
    void on(MilestoneBecameOverdue event) {
        overdue.put(key(event.milestoneId()), event.dueDate());
    }

    @EventSourcingHandler
    void on(DueDateApproaching event) {
        remindersSent.add(reminderKey(key(event.milestoneId()), event.dueDate(), event.workingDaysLeft()));
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
}
