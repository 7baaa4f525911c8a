package io.duban.deploy.eventstore;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC event store and token store on the application's DataSource: an H2 file by default, PostgreSQL when
 * {@code spring.datasource.url} says so. No saga store and no saga tables: Duban has no saga (ArchitectureTest keeps
 * it so); the store Axon's auto-configuration then declares is never used and touches no table.
 * <p>
 * Every bean here replaces one that Axon's {@code JdbcAutoConfiguration} would otherwise declare
 * ({@code @ConditionalOnMissingBean}); the rest of Axon's auto-configuration (ConnectionProvider,
 * SpringTransactionManager, serializers, processors) picks them up. Each store takes the {@link AxonSchemaInitializer}
 * so that its tables exist before Axon starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventStoreProperties.class, TokenStoreProperties.class})
public class EventStoreConfiguration {

    @Bean
    public DatabaseDialect eventStoreDatabaseDialect(DataSource dataSource) {
        return DatabaseDialect.of(dataSource);
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder().build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder().build();
    }

    @Bean
    public AxonSchemaInitializer axonSchemaInitializer(DataSource dataSource, DatabaseDialect dialect,
                                                       EventSchema eventSchema, TokenSchema tokenSchema) {
        AxonSchemaInitializer initializer = new AxonSchemaInitializer(dataSource, dialect, eventSchema, tokenSchema);
        initializer.createMissingTables();
        return initializer;
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SqlStateDuplicateKeyResolver();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 EventStoreProperties properties,
                                                 AxonSchemaInitializer tablesCreated) {
        // The JDBC engine always hands out GapAwareTrackingTokens; gap settings stay at Axon's defaults.
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(properties.batchSize())
                .build();
    }

    /** Axon's own event store bean, with {@link EventStoreProperties#cachedEvents()} instead of its 10,000. */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(properties.cachedEvents())
                .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 TokenStoreProperties tokenStoreProperties, AxonSchemaInitializer tablesCreated) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .contentType(byte[].class)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .build();
    }
}
