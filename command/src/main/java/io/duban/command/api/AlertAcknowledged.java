package io.duban.command.api;

/** Someone responsible acknowledged the commitment's alerts; an escalation stops climbing. */
public record AlertAcknowledged(String commitmentId, Actor actor) {
}
