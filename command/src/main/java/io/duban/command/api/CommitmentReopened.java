package io.duban.command.api;

/** The office sent the completion back; the commitment is open again. */
public record CommitmentReopened(String commitmentId, String reason, Actor actor) {
}
