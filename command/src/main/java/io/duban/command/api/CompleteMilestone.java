package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark a roadmap milestone as reached. */
public record CompleteMilestone(@TargetAggregateIdentifier String commitmentId, String milestoneId, String note, Actor actor) {
}
