package io.duban.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.duban.command.api.CommandRefusedException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Through a real gateway and command bus: a handler that loses the race a given number of times. */
class ConcurrencyRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private CommandGateway gatewayFailingFirst(int times, RuntimeException failure) {
        bus.subscribe(String.class.getName(), message -> {
            if (attempts.incrementAndGet() <= times) {
                throw failure;
            }
            return "stored on attempt " + attempts.get();
        });
        return CommandRetryConfiguration.retryingGateway(bus, new ConcurrencyRetryScheduler(executor, 3, 5));
    }

    @Test
    void aCommandThatLostARaceIsHandledAgain() {
        CommandGateway gateway = gatewayFailingFirst(2, new ConcurrencyException("sequence 7 taken by another node"));

        Object result = gateway.sendAndWait("report progress");

        assertThat(result).isEqualTo("stored on attempt 3");
    }

    @Test
    void afterThreeRetriesTheConflictReachesTheCaller() {
        CommandGateway gateway = gatewayFailingFirst(10, new ConcurrencyException("always taken"));

        assertThatThrownBy(() -> gateway.sendAndWait("report progress")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aConflictWrappedByTheStoreIsRecognised() {
        assertThat(ConcurrencyRetryScheduler.lostARace(
                new EventStoreException("append failed", new ConcurrencyException("taken")))).isTrue();
    }

    @Test
    void refusalsAndDuplicatesAreNotRetried() {
        CommandGateway refusing = gatewayFailingFirst(1,
                CommandRefusedException.ruleViolated("progress.decrease-needs-reason", "进度下调须说明原因。"));

        assertThatThrownBy(() -> refusing.sendAndWait("report progress")).isInstanceOf(CommandRefusedException.class);
        assertThat(attempts).hasValue(1);
        assertThat(ConcurrencyRetryScheduler.lostARace(new AggregateStreamCreationException("already registered")))
                .isFalse();
        assertThat(ConcurrencyRetryScheduler.lostARace(new IllegalStateException("boom"))).isFalse();
    }
}
