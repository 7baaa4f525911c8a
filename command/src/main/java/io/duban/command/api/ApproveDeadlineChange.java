package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The office approves a pending deadline change. */
public record ApproveDeadlineChange(@TargetAggregateIdentifier String commitmentId, String changeId, String comment, Actor actor) {
}
