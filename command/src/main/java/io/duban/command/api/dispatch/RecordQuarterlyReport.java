package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Count a progress report as the commitment's quarterly report in the round. Only the first report of a commitment
 * counts (later ones record nothing: the commitment itself keeps the latest progress); only for commitments of the
 * round, while it is open. Office only ({@code actor}); {@code reportedBy} is who reported the progress and
 * {@code reportedAt} when (null = now), which decides whether the report was late.
 */
public record RecordQuarterlyReport(@TargetAggregateIdentifier String roundId, String commitmentId, int progress,
                                    String note, Actor reportedBy, Instant reportedAt, Actor actor) {
}
