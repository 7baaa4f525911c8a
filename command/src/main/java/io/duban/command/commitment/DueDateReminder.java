package io.duban.command.commitment;

import java.time.LocalDate;

/** Deadline payload: remind {@code workingDaysLeft} working days before {@code dueDate} (milestoneId null = final). */
record DueDateReminder(String milestoneId, LocalDate dueDate, int workingDaysLeft) {
}
