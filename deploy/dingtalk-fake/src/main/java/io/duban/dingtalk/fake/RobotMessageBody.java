package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A message posted to a webhook or session webhook: {@code {"msgtype":"text","text":{"content":…},"at":{…}}} (or
 * markdown, actionCard, link, feedCard).
 */
record RobotMessageBody(String msgtype, JsonNode content, List<String> mentions, int textBytes) {

    private static final Set<String> TYPES = Set.of("text", "markdown", "actionCard", "link", "feedCard");

    /** The message, or null when the body is not one. */
    static RobotMessageBody of(JsonNode body) {
        if (body == null) {
            return null;
        }
        String msgtype = body.path("msgtype").asText("");
        JsonNode content = body.get(msgtype);
        if (!TYPES.contains(msgtype) || content == null || !content.isObject()) {
            return null;
        }
        List<String> mentions = new ArrayList<>();
        body.path("at").path("atUserIds").forEach(id -> mentions.add(id.asText()));
        String text = content.path("content").asText(content.path("text").asText(""));
        return new RobotMessageBody(msgtype, content, mentions, text.getBytes(StandardCharsets.UTF_8).length);
    }
}
