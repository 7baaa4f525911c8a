package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * The checks both robot send paths share: a valid access token in {@code x-acs-dingtalk-access-token}, the
 * configured robotCode, a msgKey, and a msgParam that is a JSON object inside a string. Each failed check has
 * already been answered when {@link #read} returns null.
 */
final class RobotRequest {

    static final String TOKEN_HEADER = "x-acs-dingtalk-access-token";

    private RobotRequest() {
    }

    /** The validated body with its decoded msgParam, or null after an error answer. */
    record Checked(JsonNode body, String msgKey, JsonNode msgParam, int msgParamBytes) {
    }

    static Checked read(FakeExchange exchange, FakeDingTalkSettings settings, AccessTokens tokens) throws IOException {
        if (!tokens.isValid(exchange.header(TOKEN_HEADER))) {
            // DingTalk answers an unknown or expired token with this code; 401 is the fake's choice of status.
            exchange.openApiError(401, "InvalidAuthentication", "不合法的access_token");
            return null;
        }
        JsonNode body = exchange.jsonBody();
        if (body == null) {
            exchange.openApiError(400, "InvalidParameter", "请求体不是JSON对象");
            return null;
        }
        if (!settings.robotCode().equals(body.path("robotCode").asText(null))) {
            exchange.openApiError(400, "InvalidParameter.RobotCode", "robotCode不存在");
            return null;
        }
        String msgKey = body.path("msgKey").asText("");
        if (msgKey.isBlank()) {
            exchange.openApiError(400, "InvalidParameter.MsgKey", "msgKey不能为空");
            return null;
        }
        String msgParamText = body.path("msgParam").asText("");
        JsonNode msgParam = exchange.parse(msgParamText);
        if (msgParam == null) {
            exchange.openApiError(400, "InvalidParameter.MsgParam", "msgParam不是合法的JSON");
            return null;
        }
        return new Checked(body, msgKey, msgParam, msgParamText.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
