package io.duban.bot.fake;

import io.duban.dingtalk.fake.Credential;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import io.duban.dingtalk.fake.OutageMode;
import io.duban.dingtalk.fake.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.signature.Secret;
import io.duban.bot.signature.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The custom-robot webhook, driven with the JDK HTTP client as the bot's fallback sender will be. */
class FakeDingTalkWebhookTest {

    private static final String TEXT_BODY = """
            {"msgtype":"text","text":{"content":"【督办】#31 已升级至督办室"},"at":{"atMobiles":[],"atUserIds":["user009"],"isAtAll":false}}""";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private final FakeDingTalkSettings settings = FakeDingTalkSettings.generated();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeDingTalk fake;
    private WebhookSigner signer;

    @BeforeEach
    void start() {
        fake = FakeDingTalk.start(settings, clock, 0);
        signer = new WebhookSigner(configured(settings.webhookSecret()), clock);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void accepts_a_signed_message_and_records_it() throws Exception {
        HttpResponse<String> response = post(signer.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken())), TEXT_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(errcode(response)).isZero();
        assertThat(fake.messages().by(Route.WEBHOOK)).singleElement().satisfies(m -> {
            assertThat(m.msgKey()).isEqualTo("text");
            assertThat(m.text()).isEqualTo("【督办】#31 已升级至督办室");
            assertThat(m.mentions()).containsExactly("user009");
        });
    }

    @Test
    void a_bad_sign_gets_310000_and_nothing_is_recorded() throws Exception {
        WebhookSigner forger = new WebhookSigner(Secret.of("SECnot-the-secret"), clock);

        HttpResponse<String> response = post(forger.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken())), TEXT_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(errcode(response)).isEqualTo(310000);
        assertThat(fake.messages().all()).isEmpty();
    }

    @Test
    void an_unencoded_sign_is_refused_as_dingtalk_refuses_it() throws Exception {
        long ts = clock.millis();
        while (!signer.signature(ts).contains("+")) {
            ts++;
        }
        URI raw = URI.create(fake.webhookUri() + "?access_token=" + settings.webhookAccessToken().reveal()
                + "&timestamp=" + ts + "&sign=" + signer.signature(ts).replace("/", "%2F").replace("=", "%3D"));

        assertThat(errcode(post(raw, TEXT_BODY))).isEqualTo(310000);
    }

    @Test
    void a_stale_or_missing_signature_gets_310000() throws Exception {
        long hourAndASecondAgo = clock.millis() - Duration.ofMinutes(60).plusSeconds(1).toMillis();
        URI stale = signer.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken()), hourAndASecondAgo);
        assertThat(errcode(post(stale, TEXT_BODY))).isEqualTo(310000);

        URI unsigned = URI.create(fake.webhookUri() + "?access_token=" + settings.webhookAccessToken().reveal());
        assertThat(errcode(post(unsigned, TEXT_BODY))).isEqualTo(310000);
        assertThat(fake.messages().all()).isEmpty();
    }

    @Test
    void an_unknown_access_token_gets_400101() throws Exception {
        URI uri = signer.signedUri(fake.webhookUri(), Secret.of("someone-elses-token"));

        assertThat(errcode(post(uri, TEXT_BODY))).isEqualTo(400101);
    }

    @Test
    void throttling_answers_130101_then_lets_messages_through() throws Exception {
        fake.faults().throttleWebhookNextCalls(1);

        assertThat(errcode(post(signer.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken())), TEXT_BODY))).isEqualTo(130101);
        assertThat(fake.messages().all()).isEmpty();
        assertThat(errcode(post(signer.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken())), TEXT_BODY))).isZero();
        assertThat(fake.messages().all()).hasSize(1);
    }

    @Test
    void text_over_twenty_thousand_bytes_is_refused() throws Exception {
        String body = "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + "督".repeat(7_000) + "\"}}";

        assertThat(errcode(post(signer.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken())), body))).isEqualTo(460101);
    }

    @Test
    void outages_show_as_503_or_a_refused_connection() throws Exception {
        fake.startOutage(OutageMode.SERVICE_UNAVAILABLE);
        assertThat(post(signer.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken())), TEXT_BODY).statusCode()).isEqualTo(503);

        fake.startOutage(OutageMode.CONNECTION_REFUSED);
        assertThatThrownBy(() -> post(signer.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken())), TEXT_BODY))
                .isInstanceOf(ConnectException.class);

        fake.endOutage();
        assertThat(errcode(post(signer.signedUri(fake.webhookUri(), configured(settings.webhookAccessToken())), TEXT_BODY))).isZero();
        assertThat(fake.messages().all()).hasSize(1);
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int errcode(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode node = json.readTree(response.body());
        return node.get("errcode").asInt();
    }

    /** The bot gets the fake's credential as configuration, in its own type. */
    private static io.duban.bot.signature.Secret configured(Credential credential) {
        return io.duban.bot.signature.Secret.of(credential.reveal());
    }
}
