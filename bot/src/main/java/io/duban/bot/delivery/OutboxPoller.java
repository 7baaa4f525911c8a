package io.duban.bot.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the outbox sender every poll interval on one background thread, from start-up to shutdown. */
public class OutboxPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

    private final OutboxSender sender;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public OutboxPoller(OutboxSender sender, Duration interval) {
        this.sender = sender;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dingtalk-outbox");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            // keep polling: one bad pass (e.g. MongoDB briefly away) must not stop all future deliveries
            log.error("DingTalk outbox pass failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            // let a pass in flight finish its MongoDB writes: interrupting it mid-batch would only force a retry
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
