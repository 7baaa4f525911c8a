package io.duban.deploy.scheduling;

import javax.sql.DataSource;

import io.duban.deploy.eventstore.DatabaseDialect;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.quartz.QuartzDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Durable Axon deadlines: {@link QuartzDeadlineManager} on a Quartz scheduler whose JDBC job store lives in the
 * application's DataSource (the event store's database), so that {@code DeadlineManager.schedule(...)} in a command
 * handler is stored in the same transaction as the command's events, survives restarts, and fires on one node only.
 * <p>
 * Spring Boot's {@link QuartzAutoConfiguration} builds the scheduler from {@code spring.quartz.*}
 * ({@code job-store-type=jdbc}: {@code LocalDataSourceJobStore} on the Spring-managed DataSource and transaction
 * manager). This adds what Boot does not know:
 * <ul>
 *   <li>{@link QuartzSchemaInitializer}: Duban's idempotent schema script for the detected database, instead of Boot's
 *       stock scripts run with {@code continueOnError=true};</li>
 *   <li>{@link DialectJobStoreCustomizer}: the driver delegate and clustering that follow the database;</li>
 *   <li>the {@link DeadlineManager} bean. Axon 4.13's Spring Boot auto-configuration has deadline managers for
 *       db-scheduler and JobRunr only (not on the classpath), none for Quartz. Without a bean, Axon's configuration
 *       falls back to an in-memory deadline manager, and a {@code DeadlineManager} parameter of a command handler does
 *       not even resolve (seen in the tests). Axon's configuration finds this bean, so aggregates and sagas use it,
 *       and registers its shutdown handler.</li>
 * </ul>
 * An auto-configuration rather than a scanned {@code @Configuration}: it has to be registered before
 * {@link QuartzAutoConfiguration} (whose schema initializer backs off for ours), and every application that enables
 * auto-configuration with {@code job-store-type=jdbc} on this classpath must get it, not only {@code DubanApplication}'s
 * component scan (Boot keeps auto-configurations out of component scanning).
 * <p>
 * Lifecycle: the scheduler starts last ({@link SchedulerFactoryBean}'s phase is {@code Integer.MAX_VALUE}), after
 * Axon's command bus, repositories and event processors, so a deadline that fell due while the application was down
 * fires into a running application. On close it stops first (standby), then Axon's shutdown handler of the deadline
 * manager shuts the scheduler down, waiting for running deadline jobs while Axon is still up; the DataSource is closed
 * after the scheduler, which depends on the schema initializer, which depends on the DataSource.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = QuartzAutoConfiguration.class)
@ConditionalOnClass({Scheduler.class, SchedulerFactoryBean.class, QuartzDeadlineManager.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(name = "spring.quartz.job-store-type", havingValue = "jdbc")
@EnableConfigurationProperties(QuartzProperties.class)
public class QuartzDeadlineAutoConfiguration {

    @Bean
    public QuartzSchemaInitializer quartzSchemaInitializer(DataSource dataSource,
                                                           ObjectProvider<DatabaseDialect> dialect) {
        return new QuartzSchemaInitializer(dataSource, dialectOf(dataSource, dialect));
    }

    @Bean
    public DialectJobStoreCustomizer dialectJobStoreCustomizer(QuartzProperties properties, DataSource dataSource,
                                                               ObjectProvider<DatabaseDialect> dialect) {
        return new DialectJobStoreCustomizer(properties, dialectOf(dataSource, dialect));
    }

    /**
     * The deadline manager. Its destroy method is not inferred: the scheduler belongs to the
     * {@link SchedulerFactoryBean}, and Axon's shutdown handler already shuts it down in order.
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(DeadlineManager.class)
    public QuartzDeadlineManager deadlineManager(Scheduler scheduler,
                                                 org.axonframework.config.Configuration axonConfiguration,
                                                 Serializer serializer,
                                                 TransactionManager transactionManager,
                                                 ObjectProvider<DeadlineManagerSpanFactory> spanFactory) {
        QuartzDeadlineManager.Builder builder = QuartzDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
                .serializer(serializer)
                .transactionManager(transactionManager);
        spanFactory.ifAvailable(builder::spanFactory);
        return builder.build();
    }

    /** The event store's dialect bean when there is one (the same DataSource), otherwise asked of the database. */
    private static DatabaseDialect dialectOf(DataSource dataSource, ObjectProvider<DatabaseDialect> dialect) {
        return dialect.getIfAvailable(() -> DatabaseDialect.of(dataSource));
    }
}
