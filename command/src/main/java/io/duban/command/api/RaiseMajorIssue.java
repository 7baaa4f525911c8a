package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Raise a major issue or blocker (重大事项) that the office must know about at once (art. 24). */
public record RaiseMajorIssue(@TargetAggregateIdentifier String commitmentId, String summary, String detail, Actor actor) {
}
