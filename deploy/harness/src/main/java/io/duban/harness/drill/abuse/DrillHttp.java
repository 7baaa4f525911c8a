package io.duban.harness.drill.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** The drills' HTTP client: plain HTTP/1.1 to the application on 127.0.0.1, logged in as a demo account or not. */
final class DrillHttp {

    /** An answer: status, Content-Type, body text. */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Duration timeout;

    DrillHttp(int port, Duration timeout) {
        this.base = "http://127.0.0.1:" + port;
        this.timeout = timeout;
    }

    String base() {
        return base;
    }

    /** Demo accounts follow {@code <user>/<user>-demo} (deploy/src/main/resources/demo-accounts.yml). */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8));
    }

    Reply postJson(String user, String path, String json) throws IOException, InterruptedException {
        return send(path, json.getBytes(StandardCharsets.UTF_8), false,
                user == null ? Map.of("Content-Type", "application/json")
                        : Map.of("Content-Type", "application/json", "Authorization", basic(user)));
    }

    Reply get(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", basic(user)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return reply(response);
    }

    /** A POST with exactly these headers (values may be empty) and body; chunked sends no Content-Length. */
    Reply send(String path, byte[] body, boolean chunked, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        headers.forEach(builder::header);
        builder.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return reply(http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static Reply reply(HttpResponse<byte[]> response) {
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                new String(response.body(), StandardCharsets.UTF_8));
    }
}
