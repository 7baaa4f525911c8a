package io.duban.deploy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.deploy.DubanApplication;
import io.duban.query.audit.digest.AuditKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The real application on its embedded default: the key pair it generates and the audit endpoints by role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDir;
    private ConfigurableApplicationContext app;
    private String base;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("duban-audit-app");
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyPairReadableOnlyByItsOwner() throws Exception {
        Path directory = dataDir.resolve("audit");
        Path privateKey = directory.resolve(AuditKeys.PRIVATE_FILE);
        assertThat(privateKey).exists();
        assertThat(directory.resolve(AuditKeys.PUBLIC_FILE)).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        // the served public key is the one kept on disk, and the private key is never served
        JsonNode key = send("inspector", "GET", "/api/audit/public-key", null).body;
        assertThat(key.get("publicKey").asText())
                .isEqualTo(Files.readString(directory.resolve(AuditKeys.PUBLIC_FILE)).trim());
        assertThat(key.toString()).doesNotContain(Files.readString(privateKey).trim());
    }

    @Test
    void onlyInspectorsAndTheOfficeReachTheAuditEndpoints() throws Exception {
        assertThat(send(null, "GET", "/api/audit/public-key", null).status).isEqualTo(401);
        assertThat(send("czt", "GET", "/api/audit/public-key", null).status).isEqualTo(403);
        assertThat(send("czt", "POST", "/api/audit/verify", null).status).isEqualTo(403);
        assertThat(send("czt", "GET", "/api/audit/digests", null).status).isEqualTo(403);
        assertThat(send("office", "GET", "/api/audit/public-key", null).status).isEqualTo(200);
    }

    @Test
    void aPublishedDigestIsServedAndVerifiesAndAnAlteredOneIsRejected() throws Exception {
        Reply published = send("office", "POST", "/api/audit/digests", null);
        assertThat(published.status).as(published.raw).isEqualTo(201);
        // the first start imports the bundled policy and the demo officials: there are events to chain
        assertThat(published.body.get("eventCount").asLong()).isPositive();
        Reply latest = send("inspector", "GET", "/api/audit/digests/latest", null);
        assertThat(latest.body).isEqualTo(published.body);
        assertThat(send("inspector", "GET", "/api/audit/digests", null).body).isNotEmpty();

        Reply clean = send("inspector", "POST", "/api/audit/verify", published.raw);
        assertThat(clean.status).as(clean.raw).isEqualTo(200);
        assertThat(clean.body.get("clean").asBoolean()).as(clean.raw).isTrue();
        assertThat(clean.body.get("digests").get(0).get("status").asText()).isEqualTo("OK");
        assertThat(send("inspector", "POST", "/api/audit/verify", null).body.get("clean").asBoolean()).isTrue();

        ObjectNode altered = published.body.deepCopy();
        altered.put("headHash", "00" + published.body.get("headHash").asText().substring(2));
        Reply rejected = send("inspector", "POST", "/api/audit/verify", altered.toString());
        assertThat(rejected.body.get("clean").asBoolean()).isFalse();
        assertThat(rejected.body.get("digests").get(0).get("status").asText()).isEqualTo("BAD_SIGNATURE");
    }

    private record Reply(int status, JsonNode body, String raw) {
    }

    private Reply send(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        return new Reply(response.statusCode(), raw == null || raw.isBlank() ? null : JSON.readTree(raw), raw);
    }
}
