package io.duban.command.commitment;

import io.duban.command.input.TextInput;
import io.duban.command.api.ApproveDeadlineChange;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.RejectDeadlineChange;
import io.duban.command.api.RequestDeadlineChange;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A commitment's deadline changes (申请延期): the unit asks, the office approves or rejects. An aggregate member of
 * {@link Commitment}: the {@code check} methods hold the rules and return the event to apply, the event-sourcing
 * handlers only assign; the dates themselves are {@link DueDates}'.
 */
class DeadlineChanges {

    private String commitmentId;
    private LocalDate startDate;
    private final Map<String, PendingDeadlineChange> pending = new LinkedHashMap<>();
    private int count;

    DeadlineChangeRequested check(RequestDeadlineChange command, DueDates dueDates) {
        LocalDate requested = command.requestedDueDate();
        if (requested == null) {
            throw CommandRefusedException.invalid("deadline.date-required", "请填写申请调整后的截止日期。");
        }
        DateInput.plausible(requested, "申请调整后的截止日期");
        String reason = TextInput.required(command.reason(), "调整原因", 2000);
        if (command.milestoneId() != null) {
            MilestoneState milestone = dueDates.milestone(command.milestoneId());
            if (milestone == null) {
                throw CommandRefusedException.notFound("milestone.not-found",
                        "未找到里程碑 " + command.milestoneId() + "。");
            }
            if (milestone.completed()) {
                throw CommandRefusedException.ruleViolated("deadline.milestone-completed",
                        "里程碑 " + milestone.milestoneId() + " 已完成，无需调整时限。");
            }
        }
        LocalDate current = dueDates.dueDate(command.milestoneId());
        if (requested.equals(current)) {
            throw CommandRefusedException.invalid("deadline.unchanged", "申请的日期与当前截止日期相同。");
        }
        checkFitsTimetable(command.milestoneId(), requested, dueDates);
        if (pending.values().stream().anyMatch(c -> Objects.equals(c.milestoneId(), command.milestoneId()))) {
            throw CommandRefusedException.ruleViolated("deadline.already-pending",
                    "该" + target(command.milestoneId()) + "已有待审批的调整申请。");
        }
        return new DeadlineChangeRequested(commitmentId, "D" + (count + 1), command.milestoneId(), current, requested,
                reason, command.actor());
    }

    DeadlineChangeApproved check(ApproveDeadlineChange command, DueDates dueDates) {
        PendingDeadlineChange change = pendingChange(command.changeId());
        checkFitsTimetable(change.milestoneId(), change.requestedDueDate(), dueDates);
        return new DeadlineChangeApproved(commitmentId, change.changeId(), change.milestoneId(),
                dueDates.dueDate(change.milestoneId()), change.requestedDueDate(),
                TextInput.optional(command.comment(), "审批意见", 2000), command.actor());
    }

    DeadlineChangeRejected check(RejectDeadlineChange command, DueDates dueDates) {
        PendingDeadlineChange change = pendingChange(command.changeId());
        String reason = TextInput.required(command.reason(), "不予批准的理由", 2000);
        return new DeadlineChangeRejected(commitmentId, change.changeId(), change.milestoneId(), reason,
                command.actor(), dueDates.dueDate(change.milestoneId()), change.requestedDueDate());
    }

    @EventSourcingHandler
    void on(CommitmentRegistered event) {
        commitmentId = event.commitmentId();
        startDate = event.startDate();
    }

    @EventSourcingHandler
    void on(DeadlineChangeRequested event) {
        count++;
        pending.put(event.changeId(), new PendingDeadlineChange(event.changeId(), event.milestoneId(),
                event.requestedDueDate()));
    }

    @EventSourcingHandler
    void on(DeadlineChangeApproved event) {
        pending.remove(event.changeId());
    }

    @EventSourcingHandler
    void on(DeadlineChangeRejected event) {
        pending.remove(event.changeId());
    }

    private PendingDeadlineChange pendingChange(String changeId) {
        PendingDeadlineChange change = changeId == null ? null : pending.get(changeId);
        if (change == null) {
            throw CommandRefusedException.notFound("deadline.not-pending", "未找到待审批的时限调整申请 " + changeId + "。");
        }
        return change;
    }

    /** A milestone must stay within the timetable; the final due date must not cut off an open milestone. */
    private void checkFitsTimetable(String milestoneId, LocalDate requested, DueDates dueDates) {
        if (requested.isBefore(startDate)) {
            throw CommandRefusedException.ruleViolated("deadline.before-start", "截止日期不能早于开始日期 " + startDate + "。");
        }
        if (milestoneId != null && requested.isAfter(dueDates.finalDueDate())) {
            throw CommandRefusedException.ruleViolated("deadline.after-final-due",
                    "里程碑不能晚于总体完成时限 " + dueDates.finalDueDate() + "；请先申请调整总体完成时限。");
        }
        if (milestoneId == null) {
            dueDates.milestones().stream().filter(m -> !m.completed() && m.dueDate().isAfter(requested)).findFirst()
                    .ifPresent(m -> {
                        throw CommandRefusedException.ruleViolated("deadline.cuts-milestone",
                                "总体完成时限不能早于未完成的里程碑 " + m.milestoneId() + "（" + m.dueDate() + "）。");
                    });
        }
    }

    private static String target(String milestoneId) {
        return milestoneId == null ? "总体完成时限" : "里程碑 " + milestoneId;
    }
}
