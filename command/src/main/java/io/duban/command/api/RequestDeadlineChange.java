package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Ask the office to move a milestone's due date, or the commitment's final due date when milestoneId is null. */
public record RequestDeadlineChange(@TargetAggregateIdentifier String commitmentId, String milestoneId, LocalDate requestedDueDate, String reason, Actor actor) {
}
