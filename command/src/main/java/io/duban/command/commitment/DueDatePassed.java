package io.duban.command.commitment;

import java.time.LocalDate;

/**
 * Deadline payload scheduled for the end of a due date. milestoneId null = the commitment's final due date. The
 * date travels with it so a deadline left over from before an approved change is recognised as stale.
 */
record DueDatePassed(String milestoneId, LocalDate dueDate) {
}
