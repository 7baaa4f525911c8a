package io.duban.bot.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * Reads a robot message leniently: any malformed or incomplete body is simply "not a message". HTTP callback mode
 * (the request body) and Stream mode (the frame's data) carry the same JSON and both read it here.
 */
public final class InboundMessageReader {

    /** DingTalk bodies are small; anything larger is not one of them. */
    static final int MAX_BODY_CHARS = 64_000;

    private final ObjectMapper json;

    public InboundMessageReader(ObjectMapper json) {
        this.json = json;
    }

    public Optional<InboundMessage> read(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            return Optional.empty();
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            String msgId = text(root, "msgId");
            if (msgId == null || msgId.isBlank() || msgId.length() > 200) {
                return Optional.empty();
            }
            return Optional.of(new InboundMessage(msgId, text(root, "msgtype"), text(root.path("text"), "content"),
                    text(root, "senderStaffId"), text(root, "senderNick"), text(root, "conversationType"),
                    text(root, "sessionWebhook"), root.path("sessionWebhookExpiredTime").asLong(0)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
