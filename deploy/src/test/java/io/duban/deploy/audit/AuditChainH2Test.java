package io.duban.deploy.audit;

import io.duban.deploy.testdb.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The audit chain on the embedded default: an H2 file database. */
class AuditChainH2Test extends AbstractAuditChainTest {

    @Override
    protected TestDatabase createDatabase() throws Exception {
        return TestDatabase.h2(Files.createTempDirectory("duban-audit-h2"), "events");
    }

    @Override
    protected void restartGlobalIndexAt(Connection connection, long next) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + next);
        }
    }
}
