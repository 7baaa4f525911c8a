package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Mark a roadmap milestone as reached. {@code evidence}: 佐证材料, may be empty. */
public record CompleteMilestone(@TargetAggregateIdentifier String commitmentId, String milestoneId, String note, Actor actor,
                                List<UploadedFile> evidence) {

    public CompleteMilestone {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public CompleteMilestone(String commitmentId, String milestoneId, String note, Actor actor) {
        this(commitmentId, milestoneId, note, actor, List.of());
    }
}
