package io.duban.command.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An overdue due date opened an escalation case at level 1 (the overdue alert). {@code ladder} is the ladder in
 * force when the case opened, in working days overdue: {@code ladder.get(0)} → level 2, {@code ladder.get(1)} →
 * level 3. Later configuration changes do not touch a running case.
 */
public record EscalationStarted(String commitmentId, String milestoneId, LocalDate dueDate, List<Integer> ladder,
                                Actor actor) {

    public EscalationStarted {
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
    }
}
