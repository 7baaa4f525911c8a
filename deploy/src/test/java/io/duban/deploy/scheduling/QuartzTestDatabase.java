package io.duban.deploy.scheduling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An empty database (or schema) for one test; {@link #close()} removes it where that is needed. */
record QuartzTestDatabase(String url, String user, String password, AutoCloseable cleanup) implements AutoCloseable {

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

    /** A DataSource without a pool: each connection is opened and closed. */
    DataSource dataSource() {
        return new DriverManagerDataSource(url, user, password);
    }

    @Override
    public void close() throws Exception {
        cleanup.close();
    }
}
