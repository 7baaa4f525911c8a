package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The office verifies a claimed completion (办结/销号). */
public record VerifyCompletion(@TargetAggregateIdentifier String commitmentId, String comment, Actor actor) {
}
