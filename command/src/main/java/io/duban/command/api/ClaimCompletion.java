package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The unit claims the commitment is complete and asks the office to verify it. */
public record ClaimCompletion(@TargetAggregateIdentifier String commitmentId, String summary, Actor actor) {
}
