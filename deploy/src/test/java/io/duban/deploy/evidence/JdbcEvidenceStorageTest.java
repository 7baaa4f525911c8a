package io.duban.deploy.evidence;

import io.duban.deploy.eventstore.DatabaseDialect;
import io.duban.deploy.testdb.PostgresTestSchemas;
import io.duban.deploy.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes come back exactly as stored, on H2 and PostgreSQL, and a second store of the same content keeps the
 * first. Binary content that is not UTF-8 matters: an H2 insert through a VALUES list once turned it into text.
 */
class JdbcEvidenceStorageTest {

    private static final byte[] BINARY = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, (byte) 0xFF, (byte) 0xC0};
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void h2_keeps_binary_content_byte_for_byte() throws Exception {
        try (TestDatabase db = TestDatabase.h2(dir, "evidence")) {
            roundTrip(db);
        }
    }

    @Test
    void postgresql_keeps_binary_content_byte_for_byte() throws Exception {
        try (TestDatabase db = PostgresTestSchemas.fresh("duban_evidence_")) {
            roundTrip(db);
        }
    }

    private static void roundTrip(TestDatabase db) {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        JdbcEvidenceStorage storage = new JdbcEvidenceStorage(jdbc, DatabaseDialect.of(db.dataSource()), CLOCK);

        storage.store("a", BINARY);
        storage.store("a", new byte[]{1, 2, 3}); // same key: never replaced

        assertThat(storage.read("a")).hasValue(BINARY);
        assertThat(storage.read("b")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT size FROM " + JdbcEvidenceStorage.TABLE + " WHERE sha256 = 'a'",
                Long.class)).isEqualTo(BINARY.length);
        // a second storage on the same database finds its table
        assertThat(new JdbcEvidenceStorage(jdbc, DatabaseDialect.of(db.dataSource()), CLOCK).read("a")).hasValue(BINARY);
    }
}
