package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The unit or the office says it has seen an alert about this commitment (e.g. a DingTalk reply "收到 #31"). */
public record AcknowledgeAlert(@TargetAggregateIdentifier String commitmentId, Actor actor) {
}
