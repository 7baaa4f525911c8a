package io.duban.command.api.evidence;

import io.duban.command.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The office allows this commitment's completion claim without 佐证材料; the reason is required and recorded. */
public record WaiveCompletionEvidence(@TargetAggregateIdentifier String commitmentId, String reason, Actor actor) {
}
