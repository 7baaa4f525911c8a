package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The office sends a claimed or verified completion back (退回/重新打开), with a reason. */
public record ReopenCommitment(@TargetAggregateIdentifier String commitmentId, String reason, Actor actor) {
}
