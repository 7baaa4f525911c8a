package io.duban.command.commitment;

import java.time.LocalDate;

/**
 * Deadline payload: climb the case of {@code dueDate} (milestoneId null = final) to {@code level}.
 * <p>
 * No longer scheduled (a commitment has one {@link NextStep} deadline now). Kept so that such deadlines still in a
 * Quartz store deserialize when they fire: the commitment then takes whatever is due, from its own state, and
 * schedules its next step, so a stale one changes nothing and a due one is taken once.
 */
record EscalationStep(String milestoneId, LocalDate dueDate, int level) implements LegacyDeadline {

    /** The deadline name it was scheduled with. */
    static final String NAME = "escalation-step";
}
