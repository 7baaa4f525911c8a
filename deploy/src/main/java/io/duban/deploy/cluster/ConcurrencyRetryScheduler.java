package io.duban.deploy.cluster;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command again when it lost a race for its aggregate's next sequence number against another node
 * ({@link ConcurrencyException} from the event store's unique key), after a short randomised pause, up to
 * {@code maxRetries} times. The retried command is handled afresh on the aggregate as the other node left it, so its
 * rules are checked again (a progress report that has become a decrease is then refused as such).
 * <p>
 * Nothing else is retried: Axon's {@code IntervalRetryScheduler} would also retry every refusal (any exception that is
 * not explicitly non-transient), and a duplicate registration ({@code AggregateStreamCreationException}) stays a
 * duplicate however often it is sent.
 */
public final class ConcurrencyRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long intervalMillis;

    public ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, long intervalMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.intervalMillis = intervalMillis;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        // failures holds every failure so far, the last one included
        if (!lostARace(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        long delay = intervalMillis * failures.size() + ThreadLocalRandom.current().nextLong(intervalMillis + 1);
        try {
            executor.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return false; // shutting down
        }
        log.debug("{} lost a race for its aggregate; retry {} of {} in {} ms", commandMessage.getCommandName(),
                failures.size(), maxRetries, delay);
        return true;
    }

    /** A concurrency conflict anywhere in the cause chain. */
    static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
