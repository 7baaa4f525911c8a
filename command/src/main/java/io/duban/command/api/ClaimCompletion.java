package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The unit claims the commitment is complete and asks the office to verify it, with its 佐证材料: a claim without
 * evidence is refused unless the office waived it for this commitment.
 * <p>
 * With {@code completingOpenMilestones} the claim also reaches every milestone still open, with the summary as their
 * note ("已完成" in a DingTalk reply means the whole commitment): one command, recorded all together or not at all.
 * Without it an open milestone refuses the claim. The handler answers with the ids of the milestones it completed.
 */
public record ClaimCompletion(@TargetAggregateIdentifier String commitmentId, String summary, Actor actor,
                              boolean completingOpenMilestones, List<UploadedFile> evidence) {

    public ClaimCompletion {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public ClaimCompletion(String commitmentId, String summary, Actor actor, boolean completingOpenMilestones) {
        this(commitmentId, summary, actor, completingOpenMilestones, List.of());
    }

    public ClaimCompletion(String commitmentId, String summary, Actor actor) {
        this(commitmentId, summary, actor, false, List.of());
    }
}
