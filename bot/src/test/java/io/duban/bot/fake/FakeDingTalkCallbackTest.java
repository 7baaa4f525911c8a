package io.duban.bot.fake;

import io.duban.dingtalk.fake.CallbackResponse;
import io.duban.dingtalk.fake.Credential;
import io.duban.dingtalk.fake.FakeCallback;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import io.duban.dingtalk.fake.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.duban.bot.reply.CommitmentRef;
import io.duban.bot.reply.ReplyGrammar;
import io.duban.bot.reply.ReportProgressReply;
import io.duban.bot.signature.CallbackCheck;
import io.duban.bot.signature.CallbackVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake playing DingTalk towards the bot: signed callbacks to a receiver (a plain JDK server standing in for the
 * bot's endpoint, which comes later) and replies through the sessionWebhook.
 */
class FakeDingTalkCallbackTest {

    /** What the stand-in bot endpoint received. */
    private record Received(String timestamp, String sign, JsonNode body) {
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private final FakeDingTalkSettings settings = FakeDingTalkSettings.generated();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeDingTalk fake;
    private HttpServer bot;
    private URI botUri;

    @BeforeEach
    void start() throws Exception {
        fake = FakeDingTalk.start(settings, clock, 0);
        bot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bot.createContext("/dingtalk/callback", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("timestamp"),
                    exchange.getRequestHeaders().getFirst("sign"), json.readTree(exchange.getRequestBody())));
            byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        bot.start();
        botUri = URI.create("http://127.0.0.1:" + bot.getAddress().getPort() + "/dingtalk/callback");
    }

    @AfterEach
    void stop() {
        bot.stop(0);
        fake.close();
    }

    @Test
    void delivers_a_one_to_one_message_signed_as_dingtalk_signs_it() throws Exception {
        FakeCallback message = FakeCallback.oneToOne("user001", "张三（演示）", "#31 进度 80% 完成可研批复");

        CallbackResponse response = fake.deliverCallback(botUri, message);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.msgId()).isEqualTo(message.msgId());
        Received callback = received.get(0);
        assertThat(new CallbackVerifier(configured(settings.appSecret()), clock).verify(callback.timestamp(), callback.sign()).check())
                .isEqualTo(CallbackCheck.ACCEPTED);
        JsonNode body = callback.body();
        assertThat(body.get("msgtype").asText()).isEqualTo("text");
        assertThat(body.get("text").get("content").asText()).isEqualTo("#31 进度 80% 完成可研批复");
        assertThat(body.get("msgId").asText()).isEqualTo(message.msgId());
        assertThat(body.get("createAt").asLong()).isEqualTo(clock.millis());
        assertThat(body.get("conversationType").asText()).isEqualTo("1");
        assertThat(body.get("senderStaffId").asText()).isEqualTo("user001");
        assertThat(body.get("senderNick").asText()).isEqualTo("张三（演示）");
        assertThat(body.get("senderId").asText()).startsWith("$:LWCP_v1:$");
        assertThat(body.get("robotCode").asText()).isEqualTo(settings.robotCode());
        assertThat(body.get("sessionWebhook").asText()).startsWith(fake.baseUri() + "session/");
        assertThat(body.get("sessionWebhookExpiredTime").asLong())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(90)).toEpochMilli());
        assertThat(ReplyGrammar.parse(body.get("text").get("content").asText()))
                .isEqualTo(new ReportProgressReply(CommitmentRef.item(31), 80, "完成可研批复"));
    }

    @Test
    void a_reply_through_the_session_webhook_is_recorded_for_the_official() throws Exception {
        CallbackResponse response = fake.deliverCallback(botUri, FakeCallback.oneToOne("user001", "张三（演示）", "#31 进度 80%"));

        JsonNode answer = postJson(response.sessionWebhook(),
                "{\"msgtype\":\"text\",\"text\":{\"content\":\"已记录：#31 进度 80%\"}}");

        assertThat(answer.get("errcode").asInt()).isZero();
        assertThat(fake.messages().by(Route.SESSION_REPLY)).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("user001");
            assertThat(m.text()).isEqualTo("已记录：#31 进度 80%");
        });
    }

    @Test
    void a_group_message_arrives_with_dingtalks_leading_space_and_replies_go_to_the_group() throws Exception {
        FakeCallback message = FakeCallback.inGroup("user002", "李四（演示）", "cidOffice==", "督办室工作群", "#31 困难 资金缺口2亿元");

        CallbackResponse response = fake.deliverCallback(botUri, message);
        JsonNode body = received.get(0).body();

        assertThat(body.get("text").get("content").asText()).isEqualTo(" #31 困难 资金缺口2亿元");
        assertThat(body.get("conversationType").asText()).isEqualTo("2");
        assertThat(body.get("conversationTitle").asText()).isEqualTo("督办室工作群");
        postJson(response.sessionWebhook(),
                "{\"msgtype\":\"text\",\"text\":{\"content\":\"已转督办室\"},\"at\":{\"atUserIds\":[\"user002\"]}}");
        assertThat(fake.messages().by(Route.SESSION_REPLY)).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("cidOffice==");
            assertThat(m.mentions()).containsExactly("user002");
        });
    }

    @Test
    void delivering_the_same_message_twice_repeats_its_msg_id() throws Exception {
        FakeCallback message = FakeCallback.oneToOne("user001", "张三（演示）", "#31 进度 80%");

        fake.deliverCallback(botUri, message);
        fake.deliverCallback(botUri, message);

        assertThat(received).extracting(r -> r.body().get("msgId").asText()).containsExactly(message.msgId(), message.msgId());
    }

    @Test
    void forged_stale_and_missing_headers_can_be_delivered_and_are_refused_by_the_verifier() throws Exception {
        FakeCallback message = FakeCallback.oneToOne("user001", "张三（演示）", "#31 已完成");
        CallbackVerifier verifier = new CallbackVerifier(configured(settings.appSecret()), clock);
        String now = Long.toString(clock.millis());
        String stale = Long.toString(clock.millis() - Duration.ofHours(2).toMillis());

        fake.deliverCallback(botUri, message, now, "Zm9yZ2Vk");
        fake.deliverCallback(botUri, message, stale, new io.duban.bot.signature.CallbackSigner(configured(settings.appSecret())).sign(Long.parseLong(stale)));
        fake.deliverCallback(botUri, message, null, null);

        assertThat(received).extracting(r -> verifier.verify(r.timestamp(), r.sign()).check())
                .containsExactly(CallbackCheck.BAD_SIGN, CallbackCheck.TIMESTAMP_TOO_OLD, CallbackCheck.MISSING_TIMESTAMP);
    }

    @Test
    void an_expired_or_unknown_session_webhook_refuses_the_reply() throws Exception {
        CallbackResponse response = fake.deliverCallback(botUri, FakeCallback.oneToOne("user001", "张三（演示）", "#31 进度 80%"));
        clock.advance(Duration.ofMinutes(90));

        assertThat(postJson(response.sessionWebhook(), "{\"msgtype\":\"text\",\"text\":{\"content\":\"迟到的回复\"}}")
                .get("errcode").asInt()).isEqualTo(300001);
        assertThat(postJson(fake.baseUri().resolve("/session/nope"), "{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")
                .get("errcode").asInt()).isEqualTo(300001);
        assertThat(fake.messages().all()).isEmpty();
    }

    private JsonNode postJson(URI uri, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The bot gets the fake's credential as configuration, in its own type. */
    private static io.duban.bot.signature.Secret configured(Credential credential) {
        return io.duban.bot.signature.Secret.of(credential.reveal());
    }
}
