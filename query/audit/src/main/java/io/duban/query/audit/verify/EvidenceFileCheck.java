package io.duban.query.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.query.audit.verify.VerificationReport.Finding;
import io.duban.query.audit.verify.VerificationReport.Kind;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The second half of a verification: every file of 佐证材料 an {@link EvidenceAttached} event names must still be
 * stored with exactly the SHA-256 and size the event recorded. Read like the chain, from the tables alone (the
 * events' raw JSON payloads and {@value #TABLE}), so the command-line verifier checks files too.
 * The event is the reference: once the chain says the event is intact, its hash says what the file must be.
 */
final class EvidenceFileCheck {

    /** Where the service keeps the bytes (deploy's JdbcEvidenceStorage writes this table). */
    static final String TABLE = "duban_evidence_file";

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(long filesChecked, Finding firstProblem) {
    }

    private EvidenceFileCheck() {
    }

    static Result check(Connection connection) throws SQLException {
        boolean table = ChainVerifier.tableExists(connection, TABLE);
        Pages<Row> events = new Pages<>(connection, "SELECT globalIndex, eventIdentifier, aggregateIdentifier, "
                + "sequenceNumber, payload FROM DomainEventEntry WHERE payloadType = '"
                + EvidenceAttached.class.getName() + "' AND globalIndex > ? ORDER BY globalIndex", Row::read,
                Row::globalIndex);
        long checked = 0;
        for (Row row = events.next(); row != null; row = events.next()) {
            for (JsonNode file : files(row)) {
                checked++;
                String sha256 = file.path("sha256").asText();
                String name = file.path("name").asText();
                byte[] content = table ? content(connection, sha256) : null;
                if (content == null) {
                    return new Result(checked, row.finding(Kind.EVIDENCE_MISSING, "佐证材料「" + name + "」（SHA-256 "
                            + sha256 + "）已不在存储中 / the evidence file is no longer stored"));
                }
                EvidenceFile recorded = new EvidenceFile(sha256, file.path("size").asLong(), name, null);
                if (!recorded.matches(content)) {
                    return new Result(checked, row.finding(Kind.EVIDENCE_CHANGED, "佐证材料「" + name + "」的内容与事件"
                            + "记录的 SHA-256 " + sha256 + " 不符（现为 " + EvidenceFile.sha256Of(content) + "，"
                            + content.length + " 字节）/ the stored file no longer matches the hash its event recorded"));
                }
            }
        }
        return new Result(checked, null);
    }

    private static Iterable<JsonNode> files(Row row) {
        try {
            return JSON.readTree(row.payload()).path("files");
        } catch (IOException e) {
            // an unreadable payload is the chain's business (it hashes the bytes); nothing to compare here
            return java.util.List.of();
        }
    }

    private static byte[] content(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT content FROM " + TABLE
                + " WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private record Row(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                       byte[] payload) {

        static Row read(ResultSet rs) throws SQLException {
            return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBytes(5));
        }

        Finding finding(Kind kind, String detail) {
            return new Finding(kind, globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier, detail);
        }
    }
}
