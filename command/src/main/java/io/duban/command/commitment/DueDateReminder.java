package io.duban.command.commitment;

import java.time.LocalDate;

/**
 * Deadline payload: remind {@code workingDaysLeft} working days before {@code dueDate} (milestoneId null = final).
 * <p>
 * No longer scheduled (a commitment has one {@link NextStep} deadline now). Kept so that such deadlines still in a
 * Quartz store deserialize when they fire: the commitment then takes whatever is due, from its own state, and
 * schedules its next step, so a stale one changes nothing and a due one is taken once.
 */
record DueDateReminder(String milestoneId, LocalDate dueDate, int workingDaysLeft) implements LegacyDeadline {

    /** The deadline name it was scheduled with. */
    static final String NAME = "due-date-approaching";
}
