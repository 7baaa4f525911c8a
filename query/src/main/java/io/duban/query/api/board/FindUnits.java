package io.duban.query.api.board;

/** Every responsible unit with its counts. Answer: {@code List<UnitSummary>}, row units first, by name. */
public record FindUnits() {
}
