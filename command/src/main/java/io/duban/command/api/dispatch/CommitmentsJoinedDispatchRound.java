package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;

import java.time.LocalDate;
import java.util.List;

/**
 * Commitments added to an open round after it opened: registered during the quarter, reporting before the office
 * listed them, or listed by a later opening request. They owe a quarterly report by {@code reportDeadline} like the
 * others.
 */
public record CommitmentsJoinedDispatchRound(String roundId, LocalDate reportDeadline, List<String> commitmentIds,
                                             Actor actor) {
}
