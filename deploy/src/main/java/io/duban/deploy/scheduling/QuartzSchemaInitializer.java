package io.duban.deploy.scheduling;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.duban.deploy.eventstore.DatabaseDialect;
import io.duban.deploy.eventstore.SchemaTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.quartz.QuartzDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * Creates Quartz's job store tables at start-up when any is missing, from an idempotent script shipped with Duban
 * ({@code CREATE TABLE/INDEX IF NOT EXISTS}): {@code quartz-tables-h2.sql} or {@code quartz-tables-postgresql.sql}
 * next to this class, chosen by the {@link DatabaseDialect} the event store detected.
 * <p>
 * It replaces Spring Boot's {@link QuartzDataSourceScriptDatabaseInitializer} (which backs off for a bean of this
 * type), because Boot runs Quartz's stock scripts with {@code continueOnError=true}: the non-idempotent scripts only
 * survive a restart because every failing statement is ignored, and so would a real DDL error. Here a failing
 * statement stops start-up. {@code spring.quartz.jdbc.initialize-schema}, {@code .schema} and {@code .platform} are
 * therefore not used.
 * <p>
 * As for the Axon tables, a start-up that finds every Quartz table issues no DDL at all, so the application can run
 * as a database user without DDL rights against a prepared schema (PostgreSQL checks the privilege even for
 * {@code CREATE TABLE IF NOT EXISTS} on an existing table). Being a {@code DataSourceScriptDatabaseInitializer}, Boot
 * makes the Quartz {@code SchedulerFactoryBean} depend on it: the tables exist before the scheduler is created, and
 * the scheduler is destroyed before this bean and the DataSource it depends on.
 */
public class QuartzSchemaInitializer extends QuartzDataSourceScriptDatabaseInitializer {

    private static final Logger log = LoggerFactory.getLogger(QuartzSchemaInitializer.class);

    /** The tables of Quartz 2.5's JDBC job store (default prefix {@code QRTZ_}), upper case. */
    public static final List<String> TABLES = List.of("QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS",
            "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS",
            "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS");

    private final DataSource dataSource;
    private final DatabaseDialect dialect;

    public QuartzSchemaInitializer(DataSource dataSource, DatabaseDialect dialect) {
        super(dataSource, settings(dialect));
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The classpath location of the schema script for a database. */
    public static String scriptLocation(DatabaseDialect dialect) {
        String database = switch (dialect) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
        };
        return "classpath:io/duban/deploy/scheduling/quartz-tables-" + database + ".sql";
    }

    private static DatabaseInitializationSettings settings(DatabaseDialect dialect) {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(List.of(scriptLocation(dialect)));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        settings.setContinueOnError(false);
        settings.setEncoding(StandardCharsets.UTF_8);
        return settings;
    }

    /** Runs the schema script when a Quartz table is missing; returns whether it ran. Called once at start-up. */
    @Override
    public boolean initializeDatabase() {
        Set<String> missing = missingTables();
        if (missing.isEmpty()) {
            log.info("Quartz tables present ({})", dialect);
            return false;
        }
        applyScript();
        Set<String> stillMissing = missingTables();
        if (!stillMissing.isEmpty()) {
            throw new IllegalStateException("The Quartz schema script " + scriptLocation(dialect)
                    + " ran but these tables are still missing: " + stillMissing);
        }
        log.info("Created Quartz tables {} ({})", missing, dialect);
        return true;
    }

    /** Runs the schema script unconditionally; it is idempotent. */
    public boolean applyScript() {
        return super.initializeDatabase();
    }

    /** The Quartz tables that do not exist in the connection's current schema (upper case, sorted). */
    public Set<String> missingTables() {
        try (Connection connection = dataSource.getConnection()) {
            Set<String> missing = new TreeSet<>(TABLES);
            missing.removeAll(SchemaTables.of(connection, "Quartz"));
            return missing;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the Quartz tables: " + e.getMessage(), e);
        }
    }

}
