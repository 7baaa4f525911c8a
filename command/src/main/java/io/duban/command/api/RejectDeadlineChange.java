package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The office rejects a pending deadline change, with a reason. */
public record RejectDeadlineChange(@TargetAggregateIdentifier String commitmentId, String changeId, String reason, Actor actor) {
}
