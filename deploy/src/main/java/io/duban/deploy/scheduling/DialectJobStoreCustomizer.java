package io.duban.deploy.scheduling;

import java.util.Map;
import java.util.Properties;

import io.duban.deploy.eventstore.DatabaseDialect;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.core.Ordered;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Adds the job store settings that depend on the database to {@code spring.quartz.properties}:
 * <ul>
 *   <li>{@code org.quartz.jobStore.driverDelegateClass}: {@link PostgreSQLDelegate} on PostgreSQL (it reads the
 *       {@code bytea} columns; {@link StdJDBCDelegate} would read them as BLOBs and fail), {@link StdJDBCDelegate} on
 *       H2;</li>
 *   <li>{@code org.quartz.jobStore.isClustered}: {@code true} on PostgreSQL, where several nodes may share the
 *       database and a trigger must fire on one of them only; {@code false} on H2, whose file only one process can
 *       open.</li>
 * </ul>
 * A value set explicitly in {@code spring.quartz.properties} wins (a delegate other than the detected database's is
 * logged as a warning). Runs after Boot's own customizer, which hands the Spring-managed DataSource and transaction
 * manager to the scheduler ({@code LocalDataSourceJobStore}).
 */
public final class DialectJobStoreCustomizer implements SchedulerFactoryBeanCustomizer, Ordered {

    public static final String DRIVER_DELEGATE_CLASS = "org.quartz.jobStore.driverDelegateClass";
    public static final String IS_CLUSTERED = "org.quartz.jobStore.isClustered";

    private static final Logger log = LoggerFactory.getLogger(DialectJobStoreCustomizer.class);

    private final QuartzProperties quartzProperties;
    private final DatabaseDialect dialect;

    public DialectJobStoreCustomizer(QuartzProperties quartzProperties, DatabaseDialect dialect) {
        this.quartzProperties = quartzProperties;
        this.dialect = dialect;
    }

    @Override
    public void customize(SchedulerFactoryBean schedulerFactoryBean) {
        schedulerFactoryBean.setQuartzProperties(quartzProperties(quartzProperties.getProperties(), dialect));
    }

    /** The configured Quartz properties with the database's defaults added where nothing was configured. */
    public static Properties quartzProperties(Map<String, String> configured, DatabaseDialect dialect) {
        Properties properties = new Properties();
        properties.putAll(configured);
        String delegate = delegateClass(dialect).getName();
        String configuredDelegate = properties.getProperty(DRIVER_DELEGATE_CLASS);
        if (configuredDelegate == null) {
            properties.setProperty(DRIVER_DELEGATE_CLASS, delegate);
        } else if (!configuredDelegate.equals(delegate)) {
            log.warn("{}={} is configured explicitly; the {} database would use {}",
                    DRIVER_DELEGATE_CLASS, configuredDelegate, dialect, delegate);
        }
        properties.putIfAbsent(IS_CLUSTERED, Boolean.toString(clusteredByDefault(dialect)));
        return properties;
    }

    static Class<? extends StdJDBCDelegate> delegateClass(DatabaseDialect dialect) {
        return switch (dialect) {
            case H2 -> StdJDBCDelegate.class;
            case POSTGRESQL -> PostgreSQLDelegate.class;
        };
    }

    static boolean clusteredByDefault(DatabaseDialect dialect) {
        return dialect == DatabaseDialect.POSTGRESQL;
    }

    /** After Boot's DataSource customizer (order 0), so that nothing it sets is lost. */
    @Override
    public int getOrder() {
        return 100;
    }
}
