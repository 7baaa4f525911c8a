package io.duban.bot.inbound;

import io.duban.command.api.Actor;
import io.duban.command.api.ClaimCompletion;
import io.duban.command.api.CommandRefusedException;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.List;

/**
 * "#31 已完成 …" sent to the write side: the whole commitment is done, so the milestones still open are reached with
 * it and completion is claimed — one command, recorded all together or not at all. The only place the bot words that
 * as a command.
 */
final class CompletionClaim {

    private final CommandGateway commands;

    CompletionClaim(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * @return the milestones the claim completed along with it (in the aggregate's order)
     * @throws CommandRefusedException when the claim is refused: nothing was recorded
     */
    List<String> claim(String commitmentId, String summary, Actor actor) {
        List<String> completed = commands.sendAndWait(new ClaimCompletion(commitmentId, summary, actor, true));
        return completed == null ? List.of() : completed;
    }
}
