package io.duban.command.commitment;

import java.time.LocalDate;

/**
 * Deadline payload scheduled for the end of a due date. milestoneId null = the commitment's final due date. The
 * date travels with it so a deadline left over from before an approved change is recognised as stale.
 * <p>
 * No longer scheduled (a commitment has one {@link NextStep} deadline now). Kept so that such deadlines still in a
 * Quartz store deserialize when they fire: the commitment then takes whatever is due, from its own state, and
 * schedules its next step, so a stale one changes nothing and a due one is taken once.
 */
record DueDatePassed(String milestoneId, LocalDate dueDate) implements LegacyDeadline {

    /** The deadline name it was scheduled with. */
    static final String NAME = "due-date-passed";
}
