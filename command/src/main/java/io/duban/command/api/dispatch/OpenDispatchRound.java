package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Open the quarterly dispatch round: every listed (open) commitment is asked for its quarterly report by
 * {@code reportDeadline} (null = the 10th working day of the quarter). Opening a round that was already opened records
 * nothing (the daily job may fire twice after downtime). Office only.
 */
public record OpenDispatchRound(@TargetAggregateIdentifier String roundId, LocalDate quarterStart, LocalDate quarterEnd,
                                LocalDate reportDeadline, List<String> commitmentIds, Actor actor) {
}
