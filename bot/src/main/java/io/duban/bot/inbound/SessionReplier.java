package io.duban.bot.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.DingTalkProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Answers through the message's sessionWebhook. Only URLs under the configured DingTalk prefix are ever called
 * ({@link SessionWebhookAllowList}): the URL arrives inside the request, and posting wherever a request says would
 * make the bot an open relay.
 */
@Component
class SessionReplier {

    private static final Logger log = LoggerFactory.getLogger(SessionReplier.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final SessionWebhookAllowList allowed;
    private final Clock clock;

    SessionReplier(ObjectMapper json, DingTalkProperties properties, Clock clock) {
        this.json = json;
        this.allowed = new SessionWebhookAllowList(properties.sessionWebhookPrefix());
        this.clock = clock;
    }

    /** Returns whether DingTalk accepted the answer. */
    boolean answer(InboundMessage message, String text) {
        String url = message.sessionWebhook();
        if (!allowed.allows(url)) {
            log.warn("Not answering message {}: sessionWebhook missing or outside the allowed prefix", message.msgId());
            return false;
        }
        if (message.sessionWebhookExpiredTime() > 0 && message.sessionWebhookExpiredTime() < clock.millis()) {
            log.warn("Not answering message {}: its sessionWebhook has expired", message.msgId());
            return false;
        }
        Map<String, Object> body = Map.of("msgtype", "text", "text", Map.of("content", text),
                "at", Map.of("atUserIds", message.isGroup() && message.senderStaffId() != null
                        ? List.of(message.senderStaffId()) : List.of()));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json;charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Answer to message {} could not be delivered: {}", message.msgId(), e.getClass().getSimpleName());
            return false;
        }
    }
}
