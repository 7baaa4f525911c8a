package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One request to the fake, with the two reply shapes DingTalk uses: Open API errors are an HTTP status with
 * {@code {"code","message","requestid"}}; webhooks always answer HTTP 200 with {@code {"errcode","errmsg"}}.
 */
final class FakeExchange {

    /** Bodies are small JSON documents; a bigger one is refused rather than read into memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpExchange exchange;
    private final ObjectMapper json;
    private byte[] body;

    FakeExchange(HttpExchange exchange, ObjectMapper json) {
        this.exchange = exchange;
        this.json = json;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    Map<String, String> query() {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                params.putIfAbsent(key, value);
            }
        }
        return params;
    }

    /** The body as JSON, or null when it is not a JSON object (or too large). */
    JsonNode jsonBody() throws IOException {
        byte[] raw = rawBody();
        if (raw == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(raw);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private byte[] rawBody() throws IOException {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
        }
        return body.length == 0 || body.length > MAX_BODY_BYTES ? null : body;
    }

    ObjectNode newObject() {
        return json.createObjectNode();
    }

    JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    void ok(JsonNode reply) throws IOException {
        send(200, reply);
    }

    /** An Open API error as DingTalk's gateway writes it; the SDK turns it into a TeaException with this code. */
    void openApiError(int status, String code, String message) throws IOException {
        ObjectNode error = newObject();
        error.put("code", code);
        error.put("message", message);
        error.put("requestid", requestId());
        send(status, error);
    }

    /** A webhook answer: always HTTP 200, success or failure in errcode. */
    void webhookResult(int errcode, String errmsg) throws IOException {
        ObjectNode result = newObject();
        result.put("errcode", errcode);
        result.put("errmsg", errmsg);
        send(200, result);
    }

    static String requestId() {
        return UUID.randomUUID().toString().toUpperCase();
    }

    private void send(int status, JsonNode reply) throws IOException {
        byte[] bytes = json.writeValueAsBytes(reply);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
