package io.duban.deploy.eventstore;

import io.duban.deploy.testdb.TestDatabase;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The event store on an H2 file, as in the embedded default; one temporary directory for the class. */
class H2EventStoreTest extends AbstractEventStoreTest {

    @TempDir
    static Path directory;

    @Override
    protected TestDatabase createDatabase(String name) {
        // same credentials as the application: none (application.yml sets no user for H2)
        return TestDatabase.h2(directory.resolve("data-" + name), "events");
    }

    @Override
    protected String expectedBinaryColumnType() {
        return "BINARY VARYING";
    }
}
