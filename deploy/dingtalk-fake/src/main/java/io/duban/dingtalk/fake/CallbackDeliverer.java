package io.duban.dingtalk.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Plays DingTalk's part in HTTP callback mode: builds the bot callback JSON, signs it with the app secret
 * ({@code timestamp}/{@code sign} headers) and POSTs it to the bot. Each delivery opens a sessionWebhook on the fake
 * so the bot's answer can be read back from the {@link MessageLog}.
 */
final class CallbackDeliverer {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FakeDingTalkSettings settings;
    private final DingTalkSignature signer;
    private final SessionWebhooks sessions;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    CallbackDeliverer(FakeDingTalkSettings settings, SessionWebhooks sessions, Clock clock, ObjectMapper json) {
        this.settings = settings;
        this.signer = new DingTalkSignature(settings.appSecret());
        this.sessions = sessions;
        this.clock = clock;
        this.json = json;
    }

    /** The callback JSON DingTalk would send for this message, with a fresh sessionWebhook on the fake at {@code base}. */
    ObjectNode body(FakeCallback message, URI base) {
        String recipient = message.conversationType() == ConversationType.ONE_TO_ONE
                ? message.senderStaffId() : message.conversationId();
        SessionWebhooks.Session session = sessions.open(recipient);
        long now = clock.millis();
        ObjectNode body = json.createObjectNode();
        body.put("msgtype", "text");
        body.putObject("text").put("content", message.text());
        body.put("msgId", message.msgId());
        body.put("createAt", now);
        body.put("conversationType", message.conversationType().code());
        body.put("conversationId", message.conversationId());
        if (message.conversationTitle() != null) {
            body.put("conversationTitle", message.conversationTitle());
        }
        body.put("senderId", opaqueId(message.senderStaffId()));
        body.put("senderNick", message.senderNick());
        body.put("senderStaffId", message.senderStaffId());
        body.put("senderCorpId", "dingfakecorp");
        body.put("sessionWebhook", base.resolve(SessionReplyEndpoint.PREFIX + session.id()).toString());
        body.put("sessionWebhookExpiredTime", session.expiresAt().toEpochMilli());
        body.put("isAdmin", false);
        body.put("chatbotCorpId", "dingfakecorp");
        body.put("chatbotUserId", opaqueId(settings.robotCode()));
        body.put("isInAtList", true);
        body.putArray("atUsers").addObject().put("dingtalkId", opaqueId(settings.robotCode()));
        body.put("robotCode", settings.robotCode());
        return body;
    }

    CallbackResponse deliver(URI target, FakeCallback message, URI base) throws IOException, InterruptedException {
        long timestamp = clock.millis();
        return deliver(target, body(message, base), Long.toString(timestamp), signer.sign(timestamp));
    }

    /** Deliver with exactly these headers (null leaves one out): for stale, forged or missing signatures. */
    CallbackResponse deliver(URI target, ObjectNode body, String timestamp, String sign) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("timestamp", timestamp);
        }
        if (sign != null) {
            request.header("sign", sign);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new CallbackResponse(response.statusCode(), response.body(), body.path("msgId").asText(),
                URI.create(body.path("sessionWebhook").asText()));
    }

    private String write(ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a callback body", e);
        }
    }

    /** DingTalk's senderId and chatbotUserId are opaque; mimic their look without any meaning. */
    private static String opaqueId(String of) {
        return "$:LWCP_v1:$" + Base64.getEncoder().encodeToString(("fake:" + of).getBytes(StandardCharsets.UTF_8));
    }
}
