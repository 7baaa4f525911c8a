package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the round (its digest goes to the office). A closed round is never opened again. Office only. */
public record CloseDispatchRound(@TargetAggregateIdentifier String roundId, Actor actor) {
}
