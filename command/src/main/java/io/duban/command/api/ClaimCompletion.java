package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The unit claims the commitment is complete and asks the office to verify it.
 * <p>
 * With {@code completingOpenMilestones} the claim also reaches every milestone still open, with the summary as their
 * note ("已完成" in a DingTalk reply means the whole commitment): one command, recorded all together or not at all.
 * Without it an open milestone refuses the claim. The handler answers with the ids of the milestones it completed.
 */
public record ClaimCompletion(@TargetAggregateIdentifier String commitmentId, String summary, Actor actor,
                              boolean completingOpenMilestones) {

    public ClaimCompletion(String commitmentId, String summary, Actor actor) {
        this(commitmentId, summary, actor, false);
    }
}
