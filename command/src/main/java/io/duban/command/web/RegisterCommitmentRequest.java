package io.duban.command.web;

import io.duban.command.api.MilestonePlan;
import io.duban.command.api.ResponsiblePerson;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/commitments}; unitId may be left out when the official acts for exactly one unit. */
public record RegisterCommitmentRequest(String policyId, Integer itemNumber, String unitId,
                                        ResponsiblePerson responsible, String roadmap, LocalDate startDate,
                                        LocalDate dueDate, List<MilestonePlan> milestones) {
}
