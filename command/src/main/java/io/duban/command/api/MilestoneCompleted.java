package io.duban.command.api;

/** A roadmap milestone was reached. */
public record MilestoneCompleted(String commitmentId, String milestoneId, String note, Actor actor) {
}
