package io.duban.command.api;

/** A person was removed from the directory. */
public record OfficialRemoved(String userId, String reason, Actor actor) {
}
