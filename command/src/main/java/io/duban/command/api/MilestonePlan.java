package io.duban.command.api;

import java.time.LocalDate;

/** A roadmap step as proposed by the unit, before Duban numbers it. */
public record MilestonePlan(String title, LocalDate dueDate) {
}
