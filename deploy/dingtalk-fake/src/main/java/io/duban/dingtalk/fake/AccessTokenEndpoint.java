package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /v1.0/oauth2/accessToken} with {@code {"appKey","appSecret"}} → {@code {"accessToken","expireIn":7200}}.
 * Wrong credentials answer 400 with code {@code invalidClientIdOrSecret} (the code is the fake's choice; the shape is
 * DingTalk's).
 */
final class AccessTokenEndpoint implements FakeEndpoint {

    private final FakeDingTalkSettings settings;
    private final AccessTokens tokens;

    AccessTokenEndpoint(FakeDingTalkSettings settings, AccessTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    @Override
    public void handle(FakeExchange exchange) throws IOException {
        JsonNode body = exchange.jsonBody();
        if (body == null || !body.path("appKey").isTextual() || !body.path("appSecret").isTextual()) {
            exchange.openApiError(400, "MissingParameter", "appKey和appSecret不能为空");
            return;
        }
        boolean keyMatches = settings.appKey().equals(body.get("appKey").asText());
        boolean secretMatches = MessageDigest.isEqual(
                settings.appSecret().reveal().getBytes(StandardCharsets.UTF_8),
                body.get("appSecret").asText().getBytes(StandardCharsets.UTF_8));
        if (!keyMatches || !secretMatches) {
            exchange.openApiError(400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
            return;
        }
        ObjectNode reply = exchange.newObject();
        reply.put("accessToken", tokens.issue());
        reply.put("expireIn", AccessTokens.LIFETIME.toSeconds());
        exchange.ok(reply);
    }
}
