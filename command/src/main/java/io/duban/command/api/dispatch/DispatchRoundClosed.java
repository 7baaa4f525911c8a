package io.duban.command.api.dispatch;

import io.duban.command.api.Actor;

import java.time.LocalDate;
import java.util.List;

/** The round closed: which of its commitments reported and which did not. */
public record DispatchRoundClosed(String roundId, LocalDate quarterStart, LocalDate quarterEnd,
                                  List<String> reported, List<String> notReported, Actor actor) {
}
