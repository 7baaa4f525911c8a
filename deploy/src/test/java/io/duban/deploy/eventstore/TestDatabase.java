package io.duban.deploy.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** An empty database (or schema) for one test run; {@link #close()} removes it where that is needed. */
record TestDatabase(String url, String user, String password, AutoCloseable cleanup) implements AutoCloseable {

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void close() throws Exception {
        cleanup.close();
    }
}
