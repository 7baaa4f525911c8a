package io.duban.console.command;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommandRefusedException;
import io.duban.console.session.ConsoleUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Sends the console's commands through Axon's command bus, as the signed-in person through channel WEB (the Actor
 * the REST write API records for the same account). A refusal is no error for a page: its Chinese message is
 * returned, to be shown next to the form; the aggregate recorded nothing.
 */
@Component
public class CommandSender {

    private final CommandGateway commands;

    public CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    /** The Actor for the signed-in person, as {@code command.access.CurrentActor} builds it for the REST API. */
    public static Actor actor(ConsoleUser me) {
        return new Actor(me.username(), me.name(), me.role(), me.unitIds(), Channel.WEB, null);
    }

    /** Sends the command built for {@code me} and waits; the answer, or the refusal. */
    public Outcome send(ConsoleUser me, Function<Actor, Object> command) {
        try {
            return new Outcome(commands.sendAndWait(command.apply(actor(me))), null);
        } catch (RuntimeException e) {
            return new Outcome(null, refusal(e));
        }
    }

    /**
     * What a command answered, or why it was refused.
     *
     * @param refusal Chinese, for the person; null when the command was accepted
     */
    public record Outcome(Object result, String refusal) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    private static String refusal(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CommandRefusedException refused) {
                return refused.getMessage();
            }
            if (t instanceof AggregateNotFoundException) {
                return "未找到该承诺事项，请刷新页面。";
            }
        }
        throw e;
    }
}
