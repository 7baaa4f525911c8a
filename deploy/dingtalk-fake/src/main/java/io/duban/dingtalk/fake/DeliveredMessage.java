package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One message the fake accepted.
 *
 * @param route      how it arrived
 * @param recipient  the userId (1:1), openConversationId (group), "webhook", or for a session reply the official's
 *                   userId (1:1 chat) or the conversationId (group chat)
 * @param msgKey     the template key (sampleText, sampleMarkdown, …) or, for webhooks, the msgtype
 * @param content    the message parameters: msgParam decoded from its JSON string, or the webhook body's msgtype object
 * @param mentions   userIds the message @-mentions (webhook and session replies), otherwise empty
 * @param at         when the fake accepted it, by the fake's clock
 * @param requestKey the processQueryKey (Open API) or a request id (webhooks) the fake answered with
 */
public record DeliveredMessage(Route route, String recipient, String msgKey, JsonNode content, List<String> mentions,
                               Instant at, String requestKey) {

    public DeliveredMessage {
        content = content.deepCopy();
        mentions = List.copyOf(mentions);
    }

    /** The readable text: {@code content} of text messages, {@code text} of markdown and action cards, else "". */
    public String text() {
        if (content.hasNonNull("content")) {
            return content.get("content").asText();
        }
        return content.hasNonNull("text") ? content.get("text").asText() : "";
    }
}
