package io.duban.command.api;

import java.time.LocalDate;

/**
 * The office refused a deadline change. {@code currentDueDate} (which stays) and {@code requestedDueDate} (what was
 * asked) were added later: events stored before carry null.
 */
public record DeadlineChangeRejected(String commitmentId, String changeId, String milestoneId, String reason, Actor actor,
                                     LocalDate currentDueDate, LocalDate requestedDueDate) {

    /** As stored before the dates were recorded with the decision. */
    public DeadlineChangeRejected(String commitmentId, String changeId, String milestoneId, String reason, Actor actor) {
        this(commitmentId, changeId, milestoneId, reason, actor, null, null);
    }
}
