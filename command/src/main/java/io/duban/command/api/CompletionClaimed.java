package io.duban.command.api;

/** The unit claimed completion; the office has yet to verify it. */
public record CompletionClaimed(String commitmentId, String summary, Actor actor) {
}
