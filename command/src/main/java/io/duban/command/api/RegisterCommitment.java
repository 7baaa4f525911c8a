package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Register a unit's commitment for a support item (art. 25: timetable, roadmap, responsible person). The id must be {@link CommitmentId#of}. */
public record RegisterCommitment(@TargetAggregateIdentifier String commitmentId, String policyId, int itemNumber, String unitId, ResponsiblePerson responsible, String roadmap, LocalDate startDate, LocalDate dueDate, List<MilestonePlan> milestones, Actor actor) {
}
