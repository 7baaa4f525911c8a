package io.duban.query.audit.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of a connection's current schema: what the audit's own start-up table creation compares against (the
 * audit creates its tables itself and knows nothing of the assembly's event-store initializer).
 */
public final class ExistingTables {

    private ExistingTables() {
    }

    /** Upper-cased names of the tables in the connection's current schema; {@code owner} names the caller in errors. */
    public static Set<String> of(Connection connection, String owner) throws SQLException {
        String schema = connection.getSchema();
        if (schema == null) {
            // PostgreSQL reports no current schema when currentSchema/search_path names none that exists; looking
            // across all schemas could then find another application's tables.
            throw new IllegalStateException("The " + owner + " connection has no current schema: "
                    + "check currentSchema / search_path in spring.datasource.url");
        }
        DatabaseMetaData metaData = connection.getMetaData();
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = metaData.getTables(connection.getCatalog(), schema, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
