package io.duban.command.commitment;

import java.time.LocalDate;
import java.util.List;

/** An open escalation of one overdue due date, with the ladder it started with. */
record EscalationCase(String milestoneId, LocalDate dueDate, List<Integer> ladder, int level, boolean paused) {

    EscalationCase raisedTo(int newLevel) {
        return new EscalationCase(milestoneId, dueDate, ladder, newLevel, paused);
    }

    EscalationCase pausedCase() {
        return new EscalationCase(milestoneId, dueDate, ladder, level, true);
    }
}
