package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;

import java.time.LocalDate;
import java.util.List;

/** The commitments that had not reported by the time of the reminder (their units are reminded). */
public record LateUnitsReminded(String roundId, LocalDate reportDeadline, List<String> commitmentIds, Actor actor) {
}
