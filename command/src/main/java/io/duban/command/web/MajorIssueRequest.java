package io.duban.command.web;

public record MajorIssueRequest(String summary, String detail) {
}
