package io.duban.deploy.evidence;

import io.duban.command.api.evidence.EvidenceStorage;
import io.duban.deploy.eventstore.DatabaseDialect;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * 佐证材料 in the event store's database, table {@code duban_evidence_file}: as durable as the events and in their
 * backups, shared by every node, and written through Spring's transaction-bound connection, so the bytes commit in
 * the same transaction as the event that names them. Rows are only ever inserted: content-addressed, a second upload
 * of the same bytes finds its row already there. No view and no rebuild reads or writes this table.
 */
public class JdbcEvidenceStorage implements EvidenceStorage {

    static final String TABLE = "duban_evidence_file";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String insert;

    public JdbcEvidenceStorage(JdbcTemplate jdbc, DatabaseDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        // PostgreSQL can leave a concurrent twin alone; H2 (the embedded default, one node) fails that transaction
        this.insert = "INSERT INTO " + TABLE + " (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)"
                + (dialect == DatabaseDialect.POSTGRESQL ? " ON CONFLICT (sha256) DO NOTHING" : "");
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (sha256 VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "size BIGINT NOT NULL, content " + dialect.binaryColumnType() + " NOT NULL, "
                + "stored_at TIMESTAMP NOT NULL)");
    }

    @Override
    public void store(String sha256, byte[] content) {
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE sha256 = ?", Integer.class,
                sha256);
        if (present == null || present == 0) {
            jdbc.update(insert, sha256, content.length, content, Timestamp.from(clock.instant()));
        }
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        return Optional.ofNullable(jdbc.query("SELECT content FROM " + TABLE + " WHERE sha256 = ?",
                rs -> rs.next() ? rs.getBytes(1) : null, sha256));
    }
}
