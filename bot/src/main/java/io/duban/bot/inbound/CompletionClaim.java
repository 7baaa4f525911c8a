package io.duban.bot.inbound;

import io.duban.command.api.Actor;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CompleteMilestone;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayList;
import java.util.List;

/**
 * "#31 已完成 …" sent to the write side: the whole commitment is done, so the milestones still open are reached with
 * it and completion is claimed. The only place the bot words that as commands.
 */
final class CompletionClaim {

    private final CommandGateway commands;

    CompletionClaim(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * @param openMilestones the milestones the read side shows open (empty when it does not know the commitment: the
     *                       aggregate then refuses a claim that leaves milestones open, and says which)
     * @return the milestones completed, and the refusal of the claim when one came after a milestone was stored
     * @throws CommandRefusedException when the first command is refused: nothing was recorded
     */
    Outcome claim(String commitmentId, List<String> openMilestones, String summary, Actor actor) {
        List<String> done = new ArrayList<>();
        try {
            for (String milestoneId : openMilestones) {
                commands.sendAndWait(new CompleteMilestone(commitmentId, milestoneId, summary, actor));
                done.add(milestoneId);
            }
            commands.sendAndWait(new ClaimCompletion(commitmentId, summary, actor));
        } catch (CommandRefusedException e) {
            if (done.isEmpty()) {
                throw e;
            }
            return new Outcome(done, e);
        }
        return new Outcome(done, null);
    }

    /** @param refusal null when completion was claimed */
    record Outcome(List<String> milestonesCompleted, CommandRefusedException refusal) {
    }
}
