package io.duban.command.commitment;

import java.time.LocalDate;

/** Deadline payload: climb the case of {@code dueDate} (milestoneId null = final) to {@code level}. */
record EscalationStep(String milestoneId, LocalDate dueDate, int level) {
}
