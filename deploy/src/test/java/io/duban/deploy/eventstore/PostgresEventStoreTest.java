package io.duban.deploy.eventstore;

import io.duban.deploy.testdb.PostgresTestSchemas;
import io.duban.deploy.testdb.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The event store on PostgreSQL, each run in a fresh schema ({@code duban_it_<random>}) dropped afterwards. Server from
 * {@code DUBAN_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), user
 * {@code DUBAN_TEST_POSTGRES_USER} (default postgres), password {@code DUBAN_TEST_POSTGRES_PASSWORD} (default none).
 * Aborted (reported as skipped, with the reason) when the server cannot be reached.
 */
class PostgresEventStoreTest extends AbstractEventStoreTest {


    @Override
    protected TestDatabase createDatabase(String name) throws SQLException {
        return PostgresTestSchemas.fresh("duban_it_");
    }

    @Override
    protected String expectedBinaryColumnType() {
        return "bytea";
    }


}
