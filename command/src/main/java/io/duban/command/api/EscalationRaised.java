package io.duban.command.api;

import java.time.LocalDate;

/** An overdue case climbed a step: level 2 alerts the unit leader, level 3 the leading-group office. */
public record EscalationRaised(String commitmentId, String milestoneId, LocalDate dueDate, int level, Actor actor) {
}
