package io.duban.bot.alert;

import io.duban.bot.BotProcessingGroups;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CommitmentUrged;
import io.duban.command.api.DueDateApproaching;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.CommitmentsJoinedDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.LateUnitsReminded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the events that deserve a DingTalk message into outbox entries. Only facts from the event are stored; the
 * sender words the message and finds the recipients when it sends, asking the read side. Handlers
 * never run during a replay, and the outbox key makes a second delivery of the same event a no-op.
 */
@Component
@ConditionalOnProperty(name = "duban.dingtalk.enabled", havingValue = "true")
@ProcessingGroup(BotProcessingGroups.ALERTS)
class AlertProducer {

    private final Outbox outbox;

    AlertProducer(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventHandler
    @DisallowReplay
    void on(MilestoneBecameOverdue event, EventMessage<?> message) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (event.milestoneId() != null) {
            facts.put("milestoneId", event.milestoneId());
        }
        facts.put("dueDate", event.dueDate().toString());
        add(message, AlertKind.OVERDUE, event.commitmentId(), facts);
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineChangeApproved event, EventMessage<?> message) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("changeId", event.changeId());
        if (event.milestoneId() != null) {
            facts.put("milestoneId", event.milestoneId());
        }
        facts.put("previousDueDate", event.previousDueDate().toString());
        facts.put("newDueDate", event.newDueDate().toString());
        if (event.comment() != null) {
            facts.put("comment", event.comment());
        }
        add(message, AlertKind.DEADLINE_APPROVED, event.commitmentId(), facts);
    }

    @EventHandler
    @DisallowReplay
    void on(DeadlineChangeRejected event, EventMessage<?> message) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("changeId", event.changeId());
        if (event.milestoneId() != null) {
            facts.put("milestoneId", event.milestoneId());
        }
        facts.put("reason", event.reason());
        add(message, AlertKind.DEADLINE_REJECTED, event.commitmentId(), facts);
    }

    @EventHandler
    @DisallowReplay
    void on(CommitmentReopened event, EventMessage<?> message) {
        add(message, AlertKind.COMPLETION_SENT_BACK, event.commitmentId(), Map.of("reason", event.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(MajorIssueRaised event, EventMessage<?> message) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("issueId", event.issueId());
        facts.put("summary", event.summary());
        if (event.detail() != null) {
            facts.put("detail", event.detail());
        }
        facts.put("raisedBy", event.actor().name());
        add(message, AlertKind.MAJOR_ISSUE, event.commitmentId(), facts);
    }

    @EventHandler
    @DisallowReplay
    void on(DispatchRoundOpened event, EventMessage<?> message) {
        if (dispatchedBy(event.actor())) {
            perUnit(message, AlertKind.QUARTERLY_REPORT_REQUESTED, event.roundId(), event.reportDeadline().toString(),
                    event.commitmentIds());
        }
    }

    /** Commitments the office's or the daily job's opening added to a round that was open already. */
    @EventHandler
    @DisallowReplay
    void on(CommitmentsJoinedDispatchRound event, EventMessage<?> message) {
        if (dispatchedBy(event.actor())) {
            perUnit(message, AlertKind.QUARTERLY_REPORT_REQUESTED, event.roundId(), event.reportDeadline().toString(),
                    event.commitmentIds());
        }
    }

    /**
     * The request to report goes out when the office or the daily job dispatches; the bookkeeping that opens a round
     * or adds a commitment on a registration or a report (channel SYSTEM) stays silent: a unit that registers in
     * December is not asked for a report due in October, and the late reminder lists it anyway.
     */
    private static boolean dispatchedBy(Actor actor) {
        return actor == null || actor.channel() != Channel.SYSTEM;
    }


    @EventHandler
    @DisallowReplay
    void on(DueDateApproaching event, EventMessage<?> message) {
        Map<String, String> facts = dueFacts(event.milestoneId(), event.dueDate());
        facts.put("workingDaysLeft", String.valueOf(event.workingDaysLeft()));
        add(message, AlertKind.DUE_SOON, event.commitmentId(), facts);
    }

    /** Level 2 goes to the unit's leaders, level 3 and above to the office group. */
    @EventHandler
    @DisallowReplay
    void on(EscalationRaised event, EventMessage<?> message) {
        Map<String, String> facts = dueFacts(event.milestoneId(), event.dueDate());
        facts.put("level", String.valueOf(event.level()));
        add(message, event.level() >= 3 ? AlertKind.ESCALATED_TO_OFFICE : AlertKind.ESCALATED_TO_LEADER,
                event.commitmentId(), facts);
    }

    @EventHandler
    @DisallowReplay
    void on(LateUnitsReminded event, EventMessage<?> message) {
        perUnit(message, AlertKind.QUARTERLY_REPORT_OVERDUE, event.roundId(), event.reportDeadline().toString(),
                event.commitmentIds());
    }

    @EventHandler
    @DisallowReplay
    void on(DispatchRoundClosed event, EventMessage<?> message) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("roundId", event.roundId());
        facts.put("quarterStart", event.quarterStart().toString());
        facts.put("quarterEnd", event.quarterEnd().toString());
        facts.put("reported", String.valueOf(event.reported().size()));
        facts.put("notReported", String.join(",", event.notReported()));
        facts.put("digestPath", "/api/dispatch-rounds/" + event.roundId() + "/digest.html");
        add(message, AlertKind.QUARTERLY_DIGEST, null, facts);
    }

    /** One entry per unit (the unit is the last part of a commitment id), keyed by event, kind and unit. */
    private void perUnit(EventMessage<?> message, AlertKind kind, String roundId, String deadline, List<String> ids) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        ids.forEach(id -> byUnit.computeIfAbsent(CommitmentId.unitOf(id), u -> new java.util.ArrayList<>()).add(id));
        byUnit.forEach((unitId, unitIds) -> outbox.add(message.getIdentifier() + ":" + kind.name() + ":" + unitId, kind,
                unitIds.get(0), Map.of("roundId", roundId, "reportDeadline", deadline,
                        "commitmentIds", String.join(",", unitIds)), message.getTimestamp()));
    }

    @EventHandler
    @DisallowReplay
    void on(CommitmentUrged event, EventMessage<?> message) {
        add(message, AlertKind.URGED, event.commitmentId(),
                Map.of("message", event.message(), "urgedBy", event.actor().name()));
    }

    private static Map<String, String> dueFacts(String milestoneId, java.time.LocalDate dueDate) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (milestoneId != null) {
            facts.put("milestoneId", milestoneId);
        }
        facts.put("dueDate", dueDate.toString());
        return facts;
    }

    private void add(EventMessage<?> message, AlertKind kind, String commitmentId, Map<String, String> facts) {
        outbox.add(message.getIdentifier() + ":" + kind.name(), kind, commitmentId, facts, message.getTimestamp());
    }
}
