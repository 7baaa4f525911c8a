package io.duban.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.deploy.DubanApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 佐证材料 over REST on the embedded default: multipart uploads with the commands, type checked by content, bytes kept
 * in the event store's database in the same transaction (a refused command stores nothing), downloads as attachments
 * for the office, inspectors and the own unit only, untouched by a view rebuild; a tampered file is found by the chain
 * verifier and never served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceEndToEndTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7};
    private static final String SHA = EvidenceFile.sha256Of(PDF);

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private Api api;
    private String c;

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0",
                        "--duban.evidence.max-request-size=2MB");
        api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        Api.Response registered = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,"responsible":{"name":"王五","position":"预算处处长"},
                 "roadmap":"按年度拨付","startDate":"2026-01-01","dueDate":"2027-12-31",
                 "milestones":[{"title":"出台补贴办法","dueDate":"2026-12-20"}]}""");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        c = "/api/commitments/" + registered.body().get("commitmentId").asText();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void a_progress_report_carries_a_pdf_and_the_bytes_are_kept_with_the_events() {
        Api.Response reported = api.postMultipart("czt", c + "/progress", Map.of("percent", "40", "note", "办法已起草"),
                new Api.Part("files", "起草稿.pdf", PDF));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(200);

        assertThat(storedContent(SHA)).isEqualTo(PDF);
        awaitViews();
        JsonNode evidence = api.get("inspector", c).body().get("commitment").get("evidence");
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).get("name").asText()).isEqualTo("起草稿.pdf");
        assertThat(evidence.get(0).get("sha256").asText()).isEqualTo(SHA);
        assertThat(evidence.get(0).get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(evidence.get(0).get("occasion").asText()).isEqualTo("PROGRESS_REPORT");
        assertThat(api.get("inspector", c + "/timeline").body().toString()).contains("提交佐证材料（进度报告）1 个：起草稿.pdf");
    }

    @Test
    @Order(2)
    void bad_files_are_refused_by_content_and_nothing_is_recorded_or_stored() {
        byte[] script = "MZ this program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII);
        assertProblem(api.postMultipart("czt", c + "/progress", Map.of("percent", "50"),
                new Api.Part("files", "报告.pdf", script)), 400, "evidence.type-not-allowed");
        assertProblem(api.postMultipart("czt", c + "/progress", Map.of("percent", "50"),
                new Api.Part("files", "报告.pdf", PHOTO)), 400, "evidence.name-mismatch");
        assertProblem(api.postMultipart("czt", c + "/progress", Map.of("percent", "50"),
                new Api.Part("files", "空.pdf", new byte[0])), 400, "evidence.empty");
        // a rule refuses the command after the file passed: its bytes are not kept either
        assertProblem(api.postMultipart("czt", c + "/progress", Map.of("percent", "10"),
                new Api.Part("files", "现场.png", PHOTO)), 409, "progress.decrease-needs-reason");
        assertProblem(api.postMultipart("jyt", c + "/progress", Map.of("percent", "60"),
                new Api.Part("files", "现场.png", PHOTO)), 403, "commitment.not-your-unit");
        assertProblem(api.postMultipart("czt", c + "/progress", Map.of("percent", "abc")), 400, "input.bad-parameter");
        byte[] big = Arrays.copyOf(PDF, 3 * 1024 * 1024);
        assertProblem(api.postMultipart("czt", c + "/progress", Map.of("percent", "60"),
                new Api.Part("files", "大.pdf", big)), 413, "input.too-large");

        assertThat(storedContent(EvidenceFile.sha256Of(PHOTO))).isNull();
        assertThat(new JdbcTemplate(app.getBean(javax.sql.DataSource.class))
                .queryForObject("SELECT COUNT(*) FROM duban_evidence_file", Integer.class)).isEqualTo(1);
        awaitViews();
        assertThat(api.get("inspector", c + "/timeline").body()).hasSize(3); // registered, progress, its evidence
    }

    @Test
    @Order(3)
    void no_completion_without_proof_unless_the_office_waived_it() {
        awaitViews();
        // M1 and the yearly milestones item 31's recurring target adds
        for (JsonNode milestone : api.get("czt", c).body().get("commitment").get("milestones")) {
            assertThat(api.post("czt", c + "/milestones/" + milestone.get("milestoneId").asText() + "/completion",
                    "{\"text\":\"已完成\"}").status()).isEqualTo(200);
        }
        assertProblem(api.post("czt", c + "/completion-claim", "{\"text\":\"补助已拨付\"}"), 409,
                "completion.evidence-required");
        assertProblem(api.post("czt", c + "/evidence-waiver", "{\"text\":\"自己同意\"}"), 403, "commitment.office-only");
        assertProblem(api.post("office", c + "/evidence-waiver", "{}"), 400, "input.required");

        Api.Response claimed = api.postMultipart("czt", c + "/completion-claim", Map.of("text", "补助已拨付"),
                new Api.Part("files", "拨付凭证.pdf", PDF), new Api.Part("files", "现场.png", PHOTO));
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(200);
        awaitViews();
        assertThat(api.get("office", c).body().get("commitment").get("evidence")).hasSize(3);
    }

    @Test
    @Order(4)
    void downloads_are_attachments_with_nosniff_for_the_office_inspectors_and_the_own_unit() {
        for (String reader : new String[]{"office", "inspector", "czt"}) {
            HttpResponse<byte[]> file = api.download(reader, c + "/evidence/" + SHA);
            assertThat(file.statusCode()).as(reader).isEqualTo(200);
            assertThat(file.body()).isEqualTo(PDF);
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        }
        assertThat(api.download("jyt", c + "/evidence/" + SHA).statusCode()).isEqualTo(403);
        assertThat(api.download("office", c + "/evidence/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(api.download(null, c + "/evidence/" + SHA).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void a_view_rebuild_leaves_the_files_alone_and_lists_them_again() {
        JsonNode before = api.get("office", c).body().get("commitment").get("evidence");
        assertThat(api.post("inspector", "/api/admin/views/rebuild", "").status()).isEqualTo(202);
        awaitViews();
        assertThat(api.get("office", c).body().get("commitment").get("evidence")).isEqualTo(before);
        assertThat(storedContent(SHA)).isEqualTo(PDF);
    }

    @Test
    @Order(6)
    void the_verifier_finds_a_tampered_file_and_it_is_no_longer_served() {
        Api.Response clean = api.post("inspector", "/api/audit/verify", "{}");
        assertThat(clean.status()).as(clean.raw()).isEqualTo(200);
        assertThat(clean.body().get("evidenceFilesChecked").asInt()).isEqualTo(3);
        assertThat(clean.body().get("firstBadEvidence").isNull()).as(clean.raw()).isTrue();

        byte[] tampered = PDF.clone();
        tampered[10] = 'X';
        new JdbcTemplate(app.getBean(javax.sql.DataSource.class))
                .update("UPDATE duban_evidence_file SET content = ? WHERE sha256 = ?", tampered, SHA);

        JsonNode report = api.post("inspector", "/api/audit/verify", "{}").body();
        assertThat(report.get("clean").asBoolean()).isFalse();
        assertThat(report.get("firstBadEvidence").get("kind").asText()).isEqualTo("EVIDENCE_CHANGED");
        assertThat(report.get("firstBadEvidence").get("detail").asText()).contains("起草稿.pdf");
        assertProblemStatus(api.download("office", c + "/evidence/" + SHA), 409);
    }

    private byte[] storedContent(String sha256) {
        return new JdbcTemplate(app.getBean(javax.sql.DataSource.class)).query(
                "SELECT content FROM duban_evidence_file WHERE sha256 = ?", rs -> rs.next() ? rs.getBytes(1) : null,
                sha256);
    }

    private void awaitViews() {
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).isTrue();
    }

    private static void assertProblemStatus(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("evidence.tampered");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("code").asText()).as(response.raw()).isEqualTo(code);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }
}
