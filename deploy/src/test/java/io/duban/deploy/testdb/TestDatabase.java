package io.duban.deploy.testdb;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** An empty database (or schema) for one test run; {@link #close()} removes it where that is needed. */
public record TestDatabase(String url, String user, String password, AutoCloseable cleanup) implements AutoCloseable {

    /** A fresh H2 file database under {@code directory}. */
    public static TestDatabase h2(java.nio.file.Path directory, String name) {
        return new TestDatabase("jdbc:h2:file:" + directory.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                null, null, () -> { });
    }

    public Connection connect() throws SQLException {
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
    public DataSource dataSource() {
        return new DriverManagerDataSource(url, user, password);
    }

    @Override
    public void close() throws Exception {
        cleanup.close();
    }
}
