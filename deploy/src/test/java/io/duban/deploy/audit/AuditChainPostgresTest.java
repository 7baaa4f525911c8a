package io.duban.deploy.audit;

import io.duban.deploy.testdb.PostgresTestSchemas;
import io.duban.deploy.testdb.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The audit chain on PostgreSQL, in a fresh schema (skipped with the reason when the server is unreachable). */
class AuditChainPostgresTest extends AbstractAuditChainTest {

    @Override
    protected TestDatabase createDatabase() throws Exception {
        return PostgresTestSchemas.fresh("audit_");
    }

    @Override
    protected void restartGlobalIndexAt(Connection connection, long next) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), "
                    + (next - 1) + ")");
        }
    }
}
