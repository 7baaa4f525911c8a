package io.duban.command.api;

import java.time.LocalDate;
import java.util.List;

/** A unit registered its commitment for a support item. */
public record CommitmentRegistered(String commitmentId, String policyId, int itemNumber, String unitId, String unitName, ResponsiblePerson responsible, String roadmap, LocalDate startDate, LocalDate dueDate, List<Milestone> milestones, Actor actor) {
}
