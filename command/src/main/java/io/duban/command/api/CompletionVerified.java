package io.duban.command.api;

/** The office verified completion (办结/销号); the commitment is closed. */
public record CompletionVerified(String commitmentId, String comment, Actor actor) {
}
