package io.duban.deploy.eventstore;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The event store on an H2 file, as in the embedded default; one temporary directory for the class. */
class H2EventStoreTest extends AbstractEventStoreTest {

    @TempDir
    static Path directory;

    @Override
    protected TestDatabase createDatabase(String name) {
        String url = "jdbc:h2:file:" + directory.resolve("data-" + name).resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE";
        // Same credentials as the application: none (application.yml sets no user for H2).
        return new TestDatabase(url, null, null, () -> { });
    }

    @Override
    protected String expectedBinaryColumnType() {
        return "BINARY LARGE OBJECT";
    }
}
