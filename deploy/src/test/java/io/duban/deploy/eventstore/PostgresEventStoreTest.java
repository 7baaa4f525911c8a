package io.duban.deploy.eventstore;

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

    static final String URL = env("DUBAN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("DUBAN_TEST_POSTGRES_USER", "postgres");
    static final String PASSWORD = env("DUBAN_TEST_POSTGRES_PASSWORD", null);

    @Override
    protected TestDatabase createDatabase(String name) throws SQLException {
        String schema = "duban_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = connectOrAbort(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(url, USER, PASSWORD, () -> {
            try (Connection admin = connectOrAbort(); Statement statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        });
    }

    @Override
    protected String expectedBinaryColumnType() {
        return "bytea";
    }

    private static Connection connectOrAbort() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        if (PASSWORD != null) {
            properties.setProperty("password", PASSWORD);
        }
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5");
        try {
            return DriverManager.getConnection(URL, properties);
        } catch (SQLException e) {
            return Assumptions.abort("PostgreSQL not reachable at " + URL + " as " + USER + ": " + e.getMessage()
                    + " (set DUBAN_TEST_POSTGRES_URL/_USER/_PASSWORD)");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
