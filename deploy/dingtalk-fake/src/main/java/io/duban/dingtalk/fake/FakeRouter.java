package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Map;

/**
 * Sends each request to its endpoint after the injected faults have had their say, in this order: a 503 outage,
 * then "the next N calls fail" (any path), then the Open API rate limit (only {@code /v1.0/…}, as DingTalk's gateway
 * limits the API and not the webhook). Any bug in an endpoint answers 500 instead of leaving the caller hanging.
 */
final class FakeRouter implements HttpHandler {

    private final Map<String, FakeEndpoint> endpoints;
    private final FakeEndpoint sessionReplies;
    private final Faults faults;
    private final ObjectMapper json;

    FakeRouter(Map<String, FakeEndpoint> endpoints, FakeEndpoint sessionReplies, Faults faults, ObjectMapper json) {
        this.endpoints = Map.copyOf(endpoints);
        this.sessionReplies = sessionReplies;
        this.faults = faults;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange raw) throws IOException {
        FakeExchange exchange = new FakeExchange(raw, json);
        try {
            route(exchange);
        } catch (RuntimeException | IOException e) {
            answerFailure(exchange, e);
        } finally {
            raw.close();
        }
    }

    private static void answerFailure(FakeExchange exchange, Exception e) {
        try {
            exchange.openApiError(500, "InternalError", "fake DingTalk failed: " + e.getClass().getSimpleName());
        } catch (IOException | RuntimeException alreadyAnswered) {
            // The endpoint had started its answer; closing the exchange (finally) is all that is left to do.
        }
    }

    private void route(FakeExchange exchange) throws IOException {
        if (faults.isServiceUnavailable()) {
            faults.noteServiceUnavailable();
            exchange.openApiError(503, "ServiceUnavailable", "服务暂时不可用，请稍后重试");
            return;
        }
        int failure = faults.takeServerError();
        if (failure > 0) {
            exchange.openApiError(failure, "InternalError", "系统繁忙，请稍后重试");
            return;
        }
        String path = exchange.path();
        if (path.startsWith("/v1.0/") && faults.takeRateLimit()) {
            exchange.openApiError(403, "Forbidden.AccessDenied.QpsLimitForApi", "调用该接口超过每秒限流，请稍后重试");
            return;
        }
        FakeEndpoint endpoint = path.startsWith(SessionReplyEndpoint.PREFIX) ? sessionReplies : endpoints.get(path);
        if (endpoint == null) {
            exchange.openApiError(404, "NotFound", "no such path on the fake: " + path);
            return;
        }
        if (!"POST".equals(exchange.method())) {
            exchange.openApiError(405, "MethodNotAllowed", "only POST");
            return;
        }
        endpoint.handle(exchange);
    }
}
