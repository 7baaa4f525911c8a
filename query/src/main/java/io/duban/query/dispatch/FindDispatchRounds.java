package io.duban.query.dispatch;

/** Every dispatch round, latest first. */
public record FindDispatchRounds() {
}
