package io.duban.command.api;

import java.time.LocalDate;

/**
 * A progress report or an acknowledgement stopped the climb: the case stays open at {@code level} until it ends, but
 * takes no further steps. {@code actor} is whoever reported or acknowledged.
 */
public record EscalationPaused(String commitmentId, String milestoneId, LocalDate dueDate, int level,
                               EscalationPauseReason reason, Actor actor) {
}
