package duban.testapp.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;

/**
 * Records every firing of the test deadline in a table of the application's database, on a connection of its own in
 * auto-commit: visible to the test at once, across application restarts and across the JVMs of a cluster, and kept
 * even when the deadline's own transaction rolls back.
 */
public class FiringLog {

    public static final String NODE_PROPERTY = "duban.test.node";
    public static final String TABLE = "test_deadline_firing";

    private final DataSource dataSource;
    private final String node;

    public FiringLog(DataSource dataSource, @Value("${" + NODE_PROPERTY + "}") String node) throws SQLException {
        this.dataSource = dataSource;
        this.node = node;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (reminder_id VARCHAR(100) NOT NULL, "
                    + "node VARCHAR(40) NOT NULL, fired_at BIGINT NOT NULL)");
        }
    }

    void record(String reminderId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + TABLE + " (reminder_id, node, fired_at) VALUES (?, ?, ?)")) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            insert.setString(1, reminderId);
            insert.setString(2, node);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the firing of " + reminderId, e);
        }
    }

    /** One recorded firing. */
    public record Firing(String reminderId, String node, long firedAtMillis) {
    }

    /** Every recorded firing, oldest first (the table exists once an application has started on the database). */
    public static List<Firing> firings(Connection connection) throws SQLException {
        List<Firing> firings = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT reminder_id, node, fired_at FROM " + TABLE + " ORDER BY fired_at")) {
            while (rs.next()) {
                firings.add(new Firing(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return firings;
    }
}
