package io.duban.deploy.auditlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.deploy.DubanApplication;
import io.duban.query.audit.readlog.AuditReadTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application on its embedded default: an inspector's reads (and audit POSTs) are logged with user, method,
 * path, query and status; a unit official's are not; nothing of a request body is stored. Also the new timeline and
 * export endpoints over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReadLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "BODY-MARKER-7f3a";
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext app;
    private String base;

    @BeforeAll
    void start() throws Exception {
        Path dataDir = Files.createTempDirectory("duban-auditlog-app");
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        // the exports read the timeline view: wait until it holds the first start's imports
        assertThat(app.getBean(io.duban.query.rebuild.ViewRebuilder.class)
                .awaitUpToDate(java.time.Duration.ofSeconds(30))).isTrue();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anInspectorsReadsAreLoggedAndAUnitOfficialsAreNot() throws Exception {
        String quarter = quarterNow();
        HttpResponse<String> timeline = send("inspector", "GET", "/api/timeline?userId=demo-audit-sun&channel=SYSTEM,WEB", null);
        assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
        HttpResponse<String> bad = send("inspector", "GET", "/api/timeline?from=2026-01-01", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("detail").asText()).contains("只请指定一个查询对象");
        HttpResponse<String> csv = send("inspector", "GET", "/api/audit/trail.csv?quarter=" + quarter, null);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF时间,");
        assertThat(csv.body().split("\r\n").length).as("the first start imported a policy this quarter").isGreaterThan(1);
        HttpResponse<String> verify = send("inspector", "POST", "/api/audit/verify",
                "{\"note\":\"" + SECRET + "\"}");
        assertThat(verify.statusCode()).isLessThan(500);
        assertThat(send("czt", "GET", "/api/units", null).statusCode()).isEqualTo(200);
        assertThat(send("czt", "GET", "/api/audit/reads", null).statusCode()).isEqualTo(403);

        HttpResponse<String> reads = send("office", "GET",
                "/api/audit/reads?userId=inspector&from=" + LocalDate.now(ZoneId.of("Asia/Shanghai")), null);
        assertThat(reads.statusCode()).as(reads.body()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        for (JsonNode read : JSON.readTree(reads.body())) {
            assertThat(read.get("userId").asText()).isEqualTo("inspector");
            assertThat(read.get("at").asText()).isNotBlank();
            seen.add(read.get("method").asText() + " " + read.get("path").asText() + "?"
                    + read.get("queryString").asText(null) + " " + read.get("status").asInt());
        }
        assertThat(seen).contains("GET /api/timeline?userId=demo-audit-sun&channel=SYSTEM,WEB 200",
                "GET /api/timeline?from=2026-01-01 400",
                "GET /api/audit/trail.csv?quarter=" + quarter + " 200",
                "POST /api/audit/verify?null " + verify.statusCode());
        // an inspector reading the log is logged too; the office and the unit official are not
        send("inspector", "GET", "/api/audit/reads", null);
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + AuditReadTable.TABLE);
        assertThat(rows).extracting(r -> r.get("USER_ID")).containsOnly("inspector");
        assertThat(rows).extracting(r -> r.get("PATH")).contains("/api/audit/reads").doesNotContain("/api/units");
        assertThat(rows.toString()).doesNotContain(SECRET).doesNotContain("inspector-demo");
        assertThat(rows.get(0).keySet()).containsExactlyInAnyOrder("ID", "USER_ID", "METHOD", "PATH", "QUERY_STRING",
                "STATUS", "READ_AT_MS", "READ_AT");
    }

    @Test
    void theTrailExportsAnswerInTheirFormats() throws Exception {
        String quarter = quarterNow();
        HttpResponse<String> jsonl = send("inspector", "GET", "/api/audit/trail.jsonl?quarter=" + quarter, null);
        assertThat(jsonl.statusCode()).as(jsonl.body()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        for (String line : jsonl.body().split("\n")) {
            assertThat(JSON.readTree(line).get("eventId").asText()).isNotBlank();
        }
        HttpResponse<String> html = send("office", "GET", "/api/audit/trail.html?quarter=" + quarter, null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("督办审计记录").contains("<table>");
        assertThat(send("inspector", "GET", "/api/audit/trail.csv?quarter=2026-Q9", null).statusCode()).isEqualTo(400);
        assertThat(send("czt", "GET", "/api/audit/trail.csv?quarter=" + quarter, null).statusCode()).isEqualTo(403);
    }

    private static String quarterNow() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private HttpResponse<String> send(String user, String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery.replace("\u0020", "%20")))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
