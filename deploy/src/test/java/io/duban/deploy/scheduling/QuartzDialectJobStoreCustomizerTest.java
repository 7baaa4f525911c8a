package io.duban.deploy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import io.duban.deploy.eventstore.DatabaseDialect;
import org.junit.jupiter.api.Test;

/** The job store settings that follow the database, and what an explicit setting does to them. */
class QuartzDialectJobStoreCustomizerTest {

    private static final Map<String, String> CONFIGURED = Map.of(
            "org.quartz.scheduler.instanceId", "AUTO",
            "org.quartz.scheduler.idleWaitTime", "1000");

    @Test
    void postgresqlGetsThePostgresDelegateAndClustering() {
        // when
        Properties properties = DialectJobStoreCustomizer.quartzProperties(CONFIGURED, DatabaseDialect.POSTGRESQL);

        // then
        assertThat(properties.getProperty(DialectJobStoreCustomizer.DRIVER_DELEGATE_CLASS))
                .isEqualTo("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        assertThat(properties.getProperty(DialectJobStoreCustomizer.IS_CLUSTERED)).isEqualTo("true");
        assertThat(properties).containsAllEntriesOf(CONFIGURED);
    }

    @Test
    void h2GetsTheStandardDelegateWithoutClustering() {
        Properties properties = DialectJobStoreCustomizer.quartzProperties(CONFIGURED, DatabaseDialect.H2);

        assertThat(properties.getProperty(DialectJobStoreCustomizer.DRIVER_DELEGATE_CLASS))
                .isEqualTo("org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        assertThat(properties.getProperty(DialectJobStoreCustomizer.IS_CLUSTERED)).isEqualTo("false");
        assertThat(properties).containsAllEntriesOf(CONFIGURED);
    }

    @Test
    void explicitSettingsWin() {
        // given a deployment that configured both itself
        Map<String, String> configured = Map.of(
                DialectJobStoreCustomizer.IS_CLUSTERED, "false",
                DialectJobStoreCustomizer.DRIVER_DELEGATE_CLASS, "com.example.CustomPostgresDelegate");

        // when
        Properties properties = DialectJobStoreCustomizer.quartzProperties(configured, DatabaseDialect.POSTGRESQL);

        // then
        assertThat(properties.getProperty(DialectJobStoreCustomizer.IS_CLUSTERED)).isEqualTo("false");
        assertThat(properties.getProperty(DialectJobStoreCustomizer.DRIVER_DELEGATE_CLASS))
                .isEqualTo("com.example.CustomPostgresDelegate");
    }
}
