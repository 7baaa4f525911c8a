package io.duban.command.api;

import java.time.LocalDate;

/**
 * A due date passed with the work not done: a milestone (milestoneId set) or the commitment's final due date
 * (milestoneId null). Recorded once per due date; a later approved deadline change gives a new due date.
 */
public record MilestoneBecameOverdue(String commitmentId, String milestoneId, LocalDate dueDate, Actor actor) {
}
