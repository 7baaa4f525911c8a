package io.duban.command.api;

import java.time.LocalDate;

/** A numbered roadmap step (M1, M2, …) of a commitment. */
public record Milestone(String milestoneId, String title, LocalDate dueDate) {
}
