package io.duban.query.api.dispatch;

/** Every dispatch round, latest first. */
public record FindDispatchRounds() {
}
