package io.duban.command.api;

/** A major issue or blocker (重大事项) was raised. */
public record MajorIssueRaised(String commitmentId, String issueId, String summary, String detail, Actor actor) {
}
