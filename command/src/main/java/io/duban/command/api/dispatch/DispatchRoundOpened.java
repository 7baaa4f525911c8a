package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;

import java.time.LocalDate;
import java.util.List;

/** A quarterly dispatch round opened: the listed commitments owe a quarterly report by {@code reportDeadline}. */
public record DispatchRoundOpened(String roundId, LocalDate quarterStart, LocalDate quarterEnd, LocalDate reportDeadline,
                                  List<String> commitmentIds, Actor actor) {
}
