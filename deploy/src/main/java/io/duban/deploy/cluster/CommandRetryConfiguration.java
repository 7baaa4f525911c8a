package io.duban.deploy.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command gateway (replacing Axon's auto-configured one), retrying a command that lost a race for its
 * aggregate against another node ({@link ConcurrencyRetryScheduler}). Two nodes taking commands for the same
 * commitment at the same instant both load sequence n and both append n+1; the event store's unique key lets one
 * in and refuses the other. Without the retry the loser's caller got a 409 "刚被他人修改，请刷新后重试" (drill
 * two-nodes: 18 of 200 racing progress reports); with it the command is handled again on the new state.
 */
@Configuration(proxyBeanMethods = false)
public class CommandRetryConfiguration implements DisposableBean {

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "command-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus,
                                         @Value("${duban.commands.concurrency-retries:3}") int maxRetries,
                                         @Value("${duban.commands.retry-interval-ms:50}") long intervalMillis) {
        return retryingGateway(commandBus, new ConcurrencyRetryScheduler(retries, maxRetries, intervalMillis));
    }

    static CommandGateway retryingGateway(CommandBus commandBus, ConcurrencyRetryScheduler scheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(scheduler).build();
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
