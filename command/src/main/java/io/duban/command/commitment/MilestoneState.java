package io.duban.command.commitment;

import java.time.LocalDate;

record MilestoneState(String milestoneId, LocalDate dueDate, boolean completed) {

    MilestoneState withDueDate(LocalDate newDueDate) {
        return new MilestoneState(milestoneId, newDueDate, completed);
    }

    MilestoneState markCompleted() {
        return new MilestoneState(milestoneId, dueDate, true);
    }
}
