package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a major issue, saying how it was resolved. */
public record ResolveMajorIssue(@TargetAggregateIdentifier String commitmentId, String issueId, String resolution, Actor actor) {
}
