package io.duban.command.api;

/** A major issue was resolved. */
public record MajorIssueResolved(String commitmentId, String issueId, String resolution, Actor actor) {
}
