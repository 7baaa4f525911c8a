package io.duban.query.audit.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.ToLongFunction;

/**
 * Reads a table in global order, one page of rows at a time, so the verifier's memory stays bounded whatever the
 * size of the log. The query takes the last index read as its only parameter.
 */
final class Pages<T> {

    private static final int PAGE = 500;

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final String sql;
    private final RowReader<T> reader;
    private final ToLongFunction<T> index;
    private final Deque<T> page = new ArrayDeque<>();
    private long after = Long.MIN_VALUE;
    private boolean exhausted;

    Pages(Connection connection, String sql, RowReader<T> reader, ToLongFunction<T> index) {
        this.connection = connection;
        this.sql = sql + " FETCH FIRST " + PAGE + " ROWS ONLY";
        this.reader = reader;
        this.index = index;
    }

    T next() throws SQLException {
        if (page.isEmpty() && !exhausted) {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        page.add(reader.read(rs));
                    }
                }
            }
            exhausted = page.size() < PAGE;
            if (!page.isEmpty()) {
                after = index.applyAsLong(page.peekLast());
            }
        }
        return page.pollFirst();
    }
}
