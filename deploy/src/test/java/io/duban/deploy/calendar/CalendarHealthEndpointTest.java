package io.duban.deploy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.deploy.DubanApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application with a calendar that ended long ago: /actuator/health stays reachable without login and UP,
 * shows the calendar component's WARNING to everyone and its details to the office only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarHealthEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private ConfigurableApplicationContext app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        Path calendar = dir.resolve("calendar-2023.csv");
        Files.writeString(calendar, "2023,COVERED,test\n2023-10-02,HOLIDAY,国庆节\n");
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dir.resolve("data").toAbsolutePath(), "--server.port=0",
                        "--duban.calendar.location=" + calendar.toUri());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anonymousMonitorsSeeTheWarningWithoutDetails() throws Exception {
        HttpResponse<String> response = get(null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/calendarCoverage/status").asText()).isEqualTo("WARNING");
        assertThat(body.at("/components/calendarCoverage/details").isMissingNode()).isTrue();
        // the embedded MongoDB-wire server answers the ping health check (Boot's default "hello" it does not know)
        assertThat(body.at("/components/mongo/status").asText()).isEqualTo("UP");
    }

    @Test
    void theOfficeSeesTheDetails() throws Exception {
        JsonNode details = JSON.readTree(get("office").body()).at("/components/calendarCoverage/details");
        assertThat(details.path("coveredUntil").asText()).isEqualTo("2023-12-31");
        assertThat(details.path("daysCovered").asLong()).isNegative();
        assertThat(details.path("warning").asText()).contains("ended");
    }

    @Test
    void aUnitAccountDoesNot() throws Exception {
        HttpResponse<String> response = get("czt");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/components/calendarCoverage/details").isMissingNode()).isTrue();
    }

    private HttpResponse<String> get(String user) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"));
        if (user != null) {
            // demo accounts: <user>/<user>-demo (deploy/src/main/resources/demo-accounts.yml)
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
