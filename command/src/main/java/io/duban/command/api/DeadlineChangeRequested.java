package io.duban.command.api;

import java.time.LocalDate;

/** The unit asked to move a due date; nothing moves until the office approves. */
public record DeadlineChangeRequested(String commitmentId, String changeId, String milestoneId, LocalDate currentDueDate, LocalDate requestedDueDate, String reason, Actor actor) {
}
