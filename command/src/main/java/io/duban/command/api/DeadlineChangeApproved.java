package io.duban.command.api;

import java.time.LocalDate;

/** The office approved a deadline change: the due date moved from previousDueDate to newDueDate. */
public record DeadlineChangeApproved(String commitmentId, String changeId, String milestoneId, LocalDate previousDueDate, LocalDate newDueDate, String comment, Actor actor) {
}
