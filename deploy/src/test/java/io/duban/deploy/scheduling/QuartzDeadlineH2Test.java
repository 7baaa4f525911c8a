package io.duban.deploy.scheduling;

import io.duban.deploy.testdb.TestDatabase;

import java.nio.file.Path;

import io.duban.deploy.eventstore.DatabaseDialect;
import org.junit.jupiter.api.io.TempDir;

/** Durable deadlines on an H2 file, as in the embedded default; a directory of its own for each case. */
class QuartzDeadlineH2Test extends AbstractQuartzDeadlineTest {

    @TempDir
    static Path directory;

    @Override
    protected TestDatabase createDatabase(String name) {
        // same credentials as the application: none (application.yml sets no user for H2)
        return TestDatabase.h2(directory.resolve("data-" + name), "events");
    }

    @Override
    protected DatabaseDialect dialect() {
        return DatabaseDialect.H2;
    }

    @Override
    protected String expectedBinaryColumnType() {
        return "BINARY LARGE OBJECT";
    }
}
