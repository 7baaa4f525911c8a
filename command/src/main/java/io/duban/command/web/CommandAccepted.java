package io.duban.command.web;

/**
 * The answer to an accepted command. {@code reference} is the id the aggregate assigned (a deadline change D1, a
 * major issue I1), otherwise null. Views catch up asynchronously: read them via the query API.
 */
public record CommandAccepted(String commitmentId, String reference) {
}
