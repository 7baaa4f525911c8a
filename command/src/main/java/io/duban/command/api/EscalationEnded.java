package io.duban.command.api;

import java.time.LocalDate;

/** An escalation case is closed: the work was done or its due date moved. {@code level} is the level it reached. */
public record EscalationEnded(String commitmentId, String milestoneId, LocalDate dueDate, int level,
                              EscalationEndReason reason, Actor actor) {
}
