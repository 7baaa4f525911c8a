package io.duban.query.audit;

import io.duban.command.api.work.PeriodicWork;
import io.duban.query.audit.chain.AuditTables;
import io.duban.query.audit.chain.EventChainer;
import io.duban.query.audit.digest.AuditKeys;
import io.duban.query.audit.digest.DigestPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The tamper-evident history: the audit tables at start-up (the audit creates its own tables), the chainer and the
 * digest publisher as periodic work on the application's scheduler, and the signing keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    /** Marker bean: the audit tables exist. */
    public record AuditTablesCreated() {
    }

    @Bean
    public AuditTablesCreated auditTablesCreated(DataSource dataSource) {
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

    /**
     * The chain pass every {@code chain-interval}; the scheduler runs it once the application is up (the event
     * tables exist by then). One node of a cluster runs each pass; the chain's primary key would keep two apart.
     */
    @Bean
    @ConditionalOnProperty(name = "duban.audit.schedule", havingValue = "true", matchIfMissing = true)
    public PeriodicWork auditChain(EventChainer chainer, AuditProperties properties) {
        return PeriodicWork.every("audit-chain", "审计链：链接新事件", properties.chainInterval(),
                chainer::chainPending);
    }

    /** The digest pass every {@code digest-interval}, when the chain has grown. */
    @Bean
    @ConditionalOnProperty(name = "duban.audit.schedule", havingValue = "true", matchIfMissing = true)
    public PeriodicWork auditDigest(DigestPublisher publisher, AuditProperties properties) {
        return PeriodicWork.every("audit-digest", "审计摘要：签名发布", properties.digestInterval(),
                publisher::publishIfChanged);
    }
}
