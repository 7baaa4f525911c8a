package io.duban.deploy.eventstore;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/**
 * The databases the event store supports and the DDL each needs. Binary columns are {@code bytea} on PostgreSQL (never
 * {@code oid}/large objects, which need {@code lo_unlink} to be cleaned up); on H2 events, snapshots and tokens are
 * {@code VARBINARY} and files ({@link #binaryColumnType()}, evidence) {@code BLOB}.
 */
public enum DatabaseDialect {

    /** The embedded default: an H2 file under {@code duban.data-dir}. */
    H2 {
        @Override
        public EventTableFactory eventTableFactory() {
            return H2EventTableFactory.INSTANCE;
        }

        @Override
        public TokenTableFactory tokenTableFactory() {
            // VARCHAR columns, and the token in the row (see H2EventTableFactory.H2_MESSAGE_BYTES)
            return H2TokenTableFactory.INSTANCE;
        }

        @Override
        public String binaryColumnType() {
            return "BLOB";
        }

    },

    /** Production. */
    POSTGRESQL {
        @Override
        public EventTableFactory eventTableFactory() {
            return PostgresEventTableFactory.INSTANCE;
        }

        @Override
        public TokenTableFactory tokenTableFactory() {
            return PostgresTokenTableFactory.INSTANCE;
        }

        @Override
        public String binaryColumnType() {
            return "BYTEA";
        }

    };

    public abstract EventTableFactory eventTableFactory();

    public abstract TokenTableFactory tokenTableFactory();

    /** For Duban's own binary columns. */
    public abstract String binaryColumnType();

    /** Asks the database which product it is. */
    public static DatabaseDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the event store database: " + e.getMessage(), e);
        }
    }

    static DatabaseDialect fromProductName(String productName) {
        if ("H2".equalsIgnoreCase(productName)) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(productName)) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Unsupported event store database '" + productName
                + "': Duban supports H2 (embedded) and PostgreSQL (spring.datasource.url)");
    }
}
