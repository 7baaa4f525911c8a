package io.duban.query.api.dispatch;

/** One dispatch round with its reports and reminders. */
public record FindDispatchRound(String roundId) {
}
