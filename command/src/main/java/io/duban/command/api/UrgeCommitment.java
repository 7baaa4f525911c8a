package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The office urges a unit to get on with a commitment (催办). */
public record UrgeCommitment(@TargetAggregateIdentifier String commitmentId, String message, Actor actor) {
}
