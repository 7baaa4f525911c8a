package io.duban.command.api;

/** The office rejected a deadline change; the due date stays. */
public record DeadlineChangeRejected(String commitmentId, String changeId, String milestoneId, String reason, Actor actor) {
}
