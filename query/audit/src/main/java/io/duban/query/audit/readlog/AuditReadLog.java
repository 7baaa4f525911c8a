package io.duban.query.audit.readlog;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Writes and reads {@value AuditReadTable#TABLE}. */
public class AuditReadLog {

    static final int MAX_PATH = 1000;
    static final int MAX_QUERY = 2000;
    static final int MAX_ANSWER = 1000;

    private final JdbcTemplate jdbc;

    public AuditReadLog(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void record(String userId, String method, String path, String queryString, int status, Instant at) {
        jdbc.update("INSERT INTO " + AuditReadTable.TABLE
                        + " (user_id, method, path, query_string, status, read_at_ms, read_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                cut(userId, 255), cut(method, 16), cut(path, MAX_PATH), cut(queryString, MAX_QUERY), status,
                at.toEpochMilli(), at.toString());
    }

    /** Newest first, at most {@value #MAX_ANSWER}; null arguments do not filter; {@code to} exclusive. */
    public List<AuditRead> find(String userId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT id, user_id, method, path, query_string, status, read_at_ms FROM "
                + AuditReadTable.TABLE + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (userId != null) {
            sql.append(" AND user_id = ?");
            args.add(userId);
        }
        if (from != null) {
            sql.append(" AND read_at_ms >= ?");
            args.add(from.toEpochMilli());
        }
        if (to != null) {
            sql.append(" AND read_at_ms < ?");
            args.add(to.toEpochMilli());
        }
        sql.append(" ORDER BY read_at_ms DESC, id DESC");
        jdbc.setMaxRows(MAX_ANSWER);
        return jdbc.query(sql.toString(), (rs, n) -> new AuditRead(rs.getLong("id"), rs.getString("user_id"),
                rs.getString("method"), rs.getString("path"), rs.getString("query_string"), rs.getInt("status"),
                Instant.ofEpochMilli(rs.getLong("read_at_ms"))), args.toArray());
    }

    /** One page, newest first, and the number of rows matching in all; null arguments do not filter. */
    public Page page(String userId, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (userId != null) {
            where.append(" AND user_id = ?");
            args.add(userId);
        }
        if (from != null) {
            where.append(" AND read_at_ms >= ?");
            args.add(from.toEpochMilli());
        }
        if (to != null) {
            where.append(" AND read_at_ms < ?");
            args.add(to.toEpochMilli());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + AuditReadTable.TABLE + where, Long.class,
                args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add((long) page * size);
        paged.add(size);
        // OFFSET … FETCH: the same SQL on H2 and PostgreSQL
        List<AuditRead> rows = new JdbcTemplate(jdbc.getDataSource()).query("SELECT id, user_id, method, path, "
                        + "query_string, status, read_at_ms FROM " + AuditReadTable.TABLE + where
                        + " ORDER BY read_at_ms DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                (rs, n) -> new AuditRead(rs.getLong("id"), rs.getString("user_id"), rs.getString("method"),
                        rs.getString("path"), rs.getString("query_string"), rs.getInt("status"),
                        Instant.ofEpochMilli(rs.getLong("read_at_ms"))), paged.toArray());
        return new Page(rows, total == null ? 0 : total);
    }

    /** Rows of one page and the count of all matching rows. */
    public record Page(List<AuditRead> rows, long total) {
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
