package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a person out of the directory; their replies are refused from then on. */
public record RemoveOfficial(@TargetAggregateIdentifier String userId, String reason, Actor actor) {
}
