package io.duban.console.commitment;

import io.duban.command.api.CommandRefusedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.Optional;

/** A command's failure as the refusal people are shown (as the REST API words it), or empty for a real failure. */
public final class Refusals {

    private Refusals() {
    }

    public static Optional<CommandRefusedException> of(RuntimeException failure) {
        Throwable t = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (t instanceof CommandRefusedException refused) {
            return Optional.of(refused);
        }
        if (t instanceof AggregateStreamCreationException) {
            return Optional.of(CommandRefusedException.ruleViolated("aggregate.duplicate", "该记录已存在，不能重复登记。"));
        }
        if (t instanceof ConcurrencyException) {
            return Optional.of(CommandRefusedException.ruleViolated("aggregate.concurrent-change",
                    "该承诺刚被他人修改，请刷新后重试。"));
        }
        return Optional.empty();
    }
}
