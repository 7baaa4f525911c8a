package io.duban.deploy.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.duban.deploy.eventstore.AxonSchemaInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tamper-evident history: audit tables at start-up, the chainer and the digest publisher on a background thread
 * of their own, and the signing keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    /** Marker bean: the audit tables exist. */
    public record AuditTablesCreated() {
    }

    @Bean
    public AuditTablesCreated auditTablesCreated(DataSource dataSource, AxonSchemaInitializer axonTablesCreated) {
        AuditTables.createMissing(dataSource);
        return new AuditTablesCreated();
    }

    @Bean
    public AuditKeys auditKeys(AuditProperties properties, @Value("${duban.data-dir:./data}") String dataDir) {
        String directory = properties.keyDirectory();
        Path keyDirectory = directory == null || directory.isBlank()
                ? Path.of(dataDir, "audit") : Path.of(directory);
        return AuditKeys.load(properties.privateKey(), properties.publicKey(), keyDirectory);
    }

    @Bean
    public EventChainer eventChainer(DataSource dataSource, Clock clock, AuditProperties properties,
                                     AuditTablesCreated tables) {
        return new EventChainer(dataSource, clock, properties.gapTimeout(), properties.batchSize());
    }

    @Bean
    public DigestPublisher digestPublisher(DataSource dataSource, EventChainer chainer, AuditKeys keys, Clock clock) {
        return new DigestPublisher(dataSource, chainer, keys, clock);
    }

    @Bean
    public AuditSchedule auditSchedule(EventChainer chainer, DigestPublisher publisher, AuditProperties properties) {
        return new AuditSchedule(chainer, publisher, properties);
    }

    /** Runs the chain pass every few seconds and the digest pass every {@code digest-interval}. */
    public static final class AuditSchedule implements SmartLifecycle {

        private final EventChainer chainer;
        private final DigestPublisher publisher;
        private final AuditProperties properties;
        private ScheduledExecutorService executor;

        AuditSchedule(EventChainer chainer, DigestPublisher publisher, AuditProperties properties) {
            this.chainer = chainer;
            this.publisher = publisher;
            this.properties = properties;
        }

        @Override
        public synchronized void start() {
            if (!properties.schedule()) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "duban-audit");
                thread.setDaemon(true);
                return thread;
            });
            long chainMillis = properties.chainInterval().toMillis();
            long digestMillis = properties.digestInterval().toMillis();
            executor.scheduleWithFixedDelay(() -> run("chain", chainer::chainPending), chainMillis, chainMillis,
                    TimeUnit.MILLISECONDS);
            executor.scheduleWithFixedDelay(() -> run("digest", publisher::publishIfChanged), digestMillis,
                    digestMillis, TimeUnit.MILLISECONDS);
        }

        private static void run(String what, Runnable pass) {
            try {
                pass.run();
            } catch (RuntimeException e) {
                log.warn("Audit {} pass failed, retried on the next pass: {}", what, e.getMessage());
            }
        }

        @Override
        public synchronized void stop() {
            if (executor != null) {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                executor = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }

        @Override
        public int getPhase() {
            // stops before Axon and the DataSource go away
            return Integer.MAX_VALUE - 100;
        }
    }
}
