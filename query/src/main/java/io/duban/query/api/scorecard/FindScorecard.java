package io.duban.query.api.scorecard;

import java.time.LocalDate;

/**
 * The scorecard (考核评价) of every responsible unit over {@code from}–{@code to} (both included, business dates).
 * Answer: {@link Scorecard}; {@code to} before {@code from}: an illegal-argument failure (400 on a REST api).
 */
public record FindScorecard(LocalDate from, LocalDate to) {
}
