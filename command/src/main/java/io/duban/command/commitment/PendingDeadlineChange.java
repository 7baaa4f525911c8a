package io.duban.command.commitment;

import java.time.LocalDate;

/** A requested due-date move awaiting the office; milestoneId null means the final due date. */
record PendingDeadlineChange(String changeId, String milestoneId, LocalDate requestedDueDate) {
}
