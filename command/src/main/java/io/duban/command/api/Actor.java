package io.duban.command.api;

import java.util.Set;

/**
 * Who issued a command, in which role, for which units, and through which channel. Every event carries the actor
 * of the command that caused it, so the audit trail answers "who, when, through what" from the event alone.
 * Never put credentials here: it is stored forever.
 *
 * @param userId    stable account or DingTalk user id
 * @param name      display name
 * @param role      the role the person acted in
 * @param unitIds   units the person may act for (empty for office and inspectors)
 * @param channel   how the command arrived
 * @param messageId the DingTalk msgId when the command came from a chat message, otherwise {@code null}
 */
public record Actor(String userId, String name, Role role, Set<String> unitIds, Channel channel, String messageId) {

    public Actor {
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
    }

    public static Actor system(String name) {
        return new Actor("system", name, Role.OFFICE, Set.of(), Channel.SYSTEM, null);
    }

    /** Time-driven steps (overdue, reminders, escalation, quarterly dispatch). */
    public static Actor schedule() {
        return new Actor("scheduler", "督办定时任务", Role.OFFICE, Set.of(), Channel.SCHEDULE, null);
    }

    public boolean actsFor(String unitId) {
        return role == Role.UNIT && unitIds.contains(unitId);
    }

    public boolean isOffice() {
        return role == Role.OFFICE;
    }
}
