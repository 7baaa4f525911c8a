package io.duban.deploy.scheduling;

import java.nio.file.Path;

import io.duban.deploy.eventstore.DatabaseDialect;
import org.junit.jupiter.api.io.TempDir;

/** Durable deadlines on an H2 file, as in the embedded default; a directory of its own for each case. */
class QuartzDeadlineH2Test extends AbstractQuartzDeadlineTest {

    @TempDir
    static Path directory;

    @Override
    protected QuartzTestDatabase createDatabase(String name) {
        String url = "jdbc:h2:file:" + directory.resolve("data-" + name).resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE";
        // Same credentials as the application: none (application.yml sets no user for H2).
        return new QuartzTestDatabase(url, null, null, () -> { });
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
