package io.duban.harness.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The REST API of one node as the demo accounts see it (HTTP Basic {@code <user>/<user>-demo}: office, inspector,
 * czt, jyt, fgw, hhht). Never throws for a failed exchange: an {@link Answer} without status says why.
 */
final class DrillHttp {

    /** An HTTP answer, or none ({@code status} 0 and {@code error} set: refused, reset, timed out). */
    record Answer(int status, String body, String error) {

        boolean answered() {
            return error == null;
        }

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        /** The problem detail's {@code code} of a refusal, or null. */
        String problemCode() {
            if (body == null) {
                return null;
            }
            int at = body.indexOf("\"code\":\"");
            if (at < 0) {
                return null;
            }
            int end = body.indexOf('"', at + 8);
            return end < 0 ? null : body.substring(at + 8, end);
        }

        @Override
        public String toString() {
            return answered() ? status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body)
                    : "no answer (" + error + ")";
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final Duration requestTimeout;

    DrillHttp(int port) {
        this(port, Duration.ofSeconds(60));
    }

    /** {@code requestTimeout}: how long to wait for an answer before counting it as none. */
    DrillHttp(int port, Duration requestTimeout) {
        this.base = "http://127.0.0.1:" + port;
        this.requestTimeout = requestTimeout;
    }

    Answer get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    Answer post(String user, String path, String json) {
        return send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout);
        if (user != null) {
            String credentials = user + ":" + user + "-demo";
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body(), null);
        } catch (IOException e) {
            return new Answer(0, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}
