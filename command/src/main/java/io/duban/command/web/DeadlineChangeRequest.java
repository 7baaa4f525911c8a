package io.duban.command.web;

import java.time.LocalDate;

/** milestoneId null (or absent) asks to move the commitment's final due date. */
public record DeadlineChangeRequest(String milestoneId, LocalDate requestedDueDate, String reason) {
}
