package io.duban.deploy.testdb;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Fresh schemas on the test PostgreSQL: URL {@code DUBAN_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), user {@code DUBAN_TEST_POSTGRES_USER} (default postgres), password
 * {@code DUBAN_TEST_POSTGRES_PASSWORD} (default none). When the server cannot be reached the calling test is aborted
 * — reported as skipped, with the reason — never silently passed.
 */
public final class PostgresTestSchemas {

    public static final String URL = env("DUBAN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("DUBAN_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("DUBAN_TEST_POSTGRES_PASSWORD", null);

    private PostgresTestSchemas() {
    }

    /** A new schema named {@code prefix + random}, dropped with everything in it when the database is closed. */
    public static TestDatabase fresh(String prefix) throws SQLException {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

    public static Connection connectOrAbort() {
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
