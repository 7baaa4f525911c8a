package io.duban.command.api;

import java.time.LocalDate;

/**
 * A reminder: a milestone (milestoneId set) or the final due date (milestoneId null) is due in
 * {@code workingDaysLeft} working days and is not done yet.
 */
public record DueDateApproaching(String commitmentId, String milestoneId, LocalDate dueDate, int workingDaysLeft,
                                 Actor actor) {
}
