package io.duban.command.api;

/** The office urged the unit (催办); the bot passes the message on to the unit's officials. */
public record CommitmentUrged(String commitmentId, String message, Actor actor) {
}
