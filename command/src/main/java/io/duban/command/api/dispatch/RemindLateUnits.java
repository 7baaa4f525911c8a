package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remind the units whose commitments have not reported in the round. Records nothing when every commitment has
 * reported, or when the scheduler already reminded (the job may fire twice); the office may remind again by hand.
 */
public record RemindLateUnits(@TargetAggregateIdentifier String roundId, Actor actor) {
}
