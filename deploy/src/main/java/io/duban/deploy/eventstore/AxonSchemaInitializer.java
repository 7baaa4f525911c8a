package io.duban.deploy.eventstore;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Axon's tables (events, snapshots, tokens; Duban has no saga) at start-up when they are missing.
 * Axon itself never creates them. Existence is read from JDBC metadata in the connection's current schema, so a
 * restart issues no DDL at all (an application user without DDL rights can run against a prepared database), and a
 * failing {@code CREATE} is a real error that stops start-up instead of being swallowed.
 */
public final class AxonSchemaInitializer {

    private static final Logger log = LoggerFactory.getLogger(AxonSchemaInitializer.class);

    private final DataSource dataSource;
    private final DatabaseDialect dialect;
    private final EventSchema eventSchema;
    private final TokenSchema tokenSchema;

    public AxonSchemaInitializer(DataSource dataSource, DatabaseDialect dialect, EventSchema eventSchema,
                                 TokenSchema tokenSchema) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.eventSchema = eventSchema;
        this.tokenSchema = tokenSchema;
    }

    /** Creates every missing table and returns the names of those it created. */
    public List<String> createMissingTables() {
        try (Connection connection = dataSource.getConnection()) {
            Set<String> existing = SchemaTables.of(connection, "event store");
            List<String> created = new ArrayList<>();
            createIfMissing(connection, existing, created, eventSchema.domainEventTable(),
                    () -> dialect.eventTableFactory().createDomainEventTable(connection, eventSchema));
            createIfMissing(connection, existing, created, eventSchema.snapshotTable(),
                    () -> dialect.eventTableFactory().createSnapshotEventTable(connection, eventSchema));
            createIfMissing(connection, existing, created, tokenSchema.tokenTable(),
                    () -> dialect.tokenTableFactory().createTable(connection, tokenSchema));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (created.isEmpty()) {
                log.info("Axon tables present in {} schema '{}'", dialect, connection.getSchema());
            } else {
                log.info("Created Axon tables {} in {} schema '{}'", created, dialect, connection.getSchema());
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the Axon tables: " + e.getMessage(), e);
        }
    }


    private void createIfMissing(Connection connection, Set<String> existing, List<String> created, String table,
                                 StatementFactory ddl) throws SQLException {
        if (existing.contains(table.toUpperCase(Locale.ROOT))) {
            return;
        }
        try (PreparedStatement statement = ddl.create()) {
            statement.execute();
        }
        created.add(table);
    }

    @FunctionalInterface
    private interface StatementFactory {
        PreparedStatement create() throws SQLException;
    }
}
