package io.duban.query.audit.verify;

import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.query.audit.verify.VerificationReport.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file an EvidenceAttached event names is compared with the stored bytes: missing and changed files found. */
class EvidenceFileCheckTest {

    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private Connection db;

    @BeforeEach
    void setUp() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID());
        db.createStatement().execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT PRIMARY KEY, "
                + "eventIdentifier VARCHAR(255), aggregateIdentifier VARCHAR(255), sequenceNumber BIGINT, "
                + "payloadType VARCHAR(255), payload BLOB)");
        db.createStatement().execute("CREATE TABLE " + EvidenceFileCheck.TABLE + " (sha256 VARCHAR(64) PRIMARY KEY, "
                + "size BIGINT, content BLOB, stored_at TIMESTAMP)");
    }

    @AfterEach
    void tearDown() throws SQLException {
        db.close();
    }

    @Test
    void stored_files_matching_their_events_are_clean() throws SQLException {
        // given
        event(1, "c-1", PDF, "凭证.pdf");
        event(2, "c-2", PHOTO, "现场.png");
        store(PDF);
        store(PHOTO);

        // when
        EvidenceFileCheck.Result result = EvidenceFileCheck.check(db);

        // then
        assertThat(result.filesChecked()).isEqualTo(2);
        assertThat(result.firstProblem()).isNull();
    }

    @Test
    void a_changed_file_is_reported_with_its_event() throws SQLException {
        event(1, "c-1", PDF, "凭证.pdf");
        event(2, "c-2", PHOTO, "现场.png");
        store(PDF);
        byte[] edited = PHOTO.clone();
        edited[6] = 9;
        storeAs(EvidenceFile.sha256Of(PHOTO), edited);

        EvidenceFileCheck.Result result = EvidenceFileCheck.check(db);

        assertThat(result.firstProblem()).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.EVIDENCE_CHANGED);
            assertThat(f.globalIndex()).isEqualTo(2);
            assertThat(f.aggregateIdentifier()).isEqualTo("c-2");
            assertThat(f.detail()).contains("现场.png", EvidenceFile.sha256Of(PHOTO));
        });
    }

    @Test
    void a_missing_file_is_reported() throws SQLException {
        event(1, "c-1", PDF, "凭证.pdf");

        assertThat(EvidenceFileCheck.check(db).firstProblem())
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.EVIDENCE_MISSING));
    }

    @Test
    void other_events_are_not_read_as_evidence() throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO DomainEventEntry VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, 1);
            insert.setString(2, "e-1");
            insert.setString(3, "c-1");
            insert.setLong(4, 0);
            insert.setString(5, "io.duban.command.api.ProgressReported");
            insert.setBytes(6, "{\"files\":[{\"sha256\":\"00\",\"name\":\"x\",\"size\":1}]}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }

        assertThat(EvidenceFileCheck.check(db)).isEqualTo(new EvidenceFileCheck.Result(0, null));
    }

    private void event(long index, String commitmentId, byte[] content, String name) throws SQLException {
        String payload = "{\"commitmentId\":\"" + commitmentId + "\",\"occasion\":\"PROGRESS_REPORT\",\"files\":[{"
                + "\"sha256\":\"" + EvidenceFile.sha256Of(content) + "\",\"size\":" + content.length + ",\"name\":\""
                + name + "\",\"contentType\":\"application/pdf\"}]}";
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO DomainEventEntry VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, index);
            insert.setString(2, "e-" + index);
            insert.setString(3, commitmentId);
            insert.setLong(4, 1);
            insert.setString(5, EvidenceAttached.class.getName());
            insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private void store(byte[] content) throws SQLException {
        storeAs(EvidenceFile.sha256Of(content), content);
    }

    private void storeAs(String sha256, byte[] content) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + EvidenceFileCheck.TABLE
                + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, sha256);
            insert.setLong(2, content.length);
            insert.setBytes(3, content);
            insert.executeUpdate();
        }
    }
}
