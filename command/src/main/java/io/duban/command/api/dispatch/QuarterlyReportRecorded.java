package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;

import java.time.Instant;

/** A commitment's quarterly report in a round; {@code late} when made after the round's report deadline. */
public record QuarterlyReportRecorded(String roundId, String commitmentId, int progress, String note, Actor reportedBy,
                                      Instant reportedAt, boolean late, Actor actor) {
}
