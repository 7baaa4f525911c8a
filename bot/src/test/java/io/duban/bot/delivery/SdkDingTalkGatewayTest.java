package io.duban.bot.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.DingTalkProperties;
import io.duban.bot.TestProperties;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import io.duban.bot.fake.MutableClock;
import io.duban.dingtalk.fake.OutageMode;
import io.duban.dingtalk.fake.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SDK gateway against the local DingTalk fake: what each DingTalk answer becomes for the outbox. */
class SdkDingTalkGatewayTest {

    private static final String TITLE = "督办提醒：#31 已逾期";
    private static final String TEXT = "### 督办提醒\n\n请回复「#31 进度 80% 说明」";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
    private FakeDingTalk fake;
    private DingTalkProperties properties;
    private SdkDingTalkGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeDingTalk.start(FakeDingTalkSettings.generated(), clock, 0);
        properties = TestProperties.connectedTo(fake);
        gateway = gateway(properties);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void one_to_one_markdown_reaches_each_user_and_throttled_or_unknown_users_are_reported() throws Exception {
        fake.faults().flowControl(List.of("u2")).invalidUsers(List.of("u3"));

        OneToOneResult result = send("u1", "u2", "u3");

        assertThat(result.flowControlled()).containsExactly("u2");
        assertThat(result.invalid()).containsExactly("u3");
        assertThat(fake.messages().all()).singleElement().satisfies(m -> {
            assertThat(m.route()).isEqualTo(Route.ONE_TO_ONE);
            assertThat(m.recipient()).isEqualTo("u1");
            assertThat(m.msgKey()).isEqualTo("sampleMarkdown");
            assertThat(m.content().path("title").asText()).isEqualTo(TITLE);
            assertThat(m.text()).isEqualTo(TEXT);
        });
    }

    @Test
    void more_than_twenty_users_is_a_programming_error_caught_before_dingtalk() {
        List<String> users = IntStream.rangeClosed(1, 21).mapToObj(i -> "u" + i).toList();

        assertThatThrownBy(() -> gateway.sendOneToOne(users, TITLE, TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.accessTokensIssued()).isZero();
    }

    @Test
    void the_access_token_is_fetched_once_and_reused_across_sends_of_both_kinds() throws Exception {
        send("u1");
        send("u2");
        gateway.sendToOfficeGroup(TITLE, TEXT);

        assertThat(fake.messages().all()).hasSize(3);
        assertThat(fake.accessTokensIssued()).isEqualTo(1);
    }

    @Test
    void the_access_token_is_renewed_once_its_7200_seconds_are_over() throws Exception {
        send("u1");

        clock.advance(Duration.ofSeconds(7_200));
        send("u1");
        send("u2");

        assertThat(fake.messages().all()).hasSize(3);
        assertThat(fake.accessTokensIssued()).isEqualTo(2);
    }

    @Test
    void the_access_token_is_renewed_a_few_minutes_before_it_expires_so_no_send_races_the_expiry() throws Exception {
        send("u1");

        clock.advance(Duration.ofSeconds(7_200 - 301));
        send("u1");
        assertThat(fake.accessTokensIssued()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        send("u1");

        assertThat(fake.accessTokensIssued()).isEqualTo(2);
        assertThat(fake.messages().all()).hasSize(3);
    }

    @Test
    void a_token_dingtalk_refuses_is_forgotten_and_the_failure_is_retryable() throws Exception {
        send("u1");
        fake.revokeAccessTokens();

        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> send("u1"));

        assertThat(refused.getMessage()).isEqualTo("batchSendOTO: HTTP 401 InvalidAuthentication");
        assertThat(refused.retryable()).isTrue();
        send("u1");
        assertThat(fake.accessTokensIssued()).isEqualTo(2);
        assertThat(fake.messages().all()).hasSize(2);
    }

    @Test
    void server_errors_outages_and_rate_limits_are_retryable() throws Exception {
        send("u1");

        fake.faults().failNextCalls(1, 502);
        assertRetryable("batchSendOTO: HTTP 502 InternalError");
        fake.faults().rateLimitNextCalls(1);
        assertRetryable("batchSendOTO: HTTP 403 Forbidden.AccessDenied.QpsLimitForApi");
        fake.startOutage(OutageMode.SERVICE_UNAVAILABLE);
        assertRetryable("batchSendOTO: HTTP 503 ServiceUnavailable");
        fake.startOutage(OutageMode.CONNECTION_REFUSED);
        assertRetryable("batchSendOTO: DingTalk unreachable");
        fake.endOutage();

        send("u1");
        assertThat(fake.messages().all()).hasSize(2);
    }

    @Test
    void a_request_dingtalk_will_never_accept_is_not_retryable() {
        SdkDingTalkGateway misconfigured = gateway(TestProperties.withRobotCode(properties, "dingsomeoneelsesrobot"));

        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> misconfigured.sendOneToOne(List.of("u1"), TITLE, TEXT));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).isEqualTo("batchSendOTO: HTTP 400 InvalidParameter.RobotCode");
        assertThat(fake.messages().all()).isEmpty();
    }

    @Test
    void the_office_group_is_reached_through_the_app_robot_first() throws Exception {
        gateway.sendToOfficeGroup(TITLE, TEXT);

        assertThat(fake.messages().all()).singleElement().satisfies(m -> {
            assertThat(m.route()).isEqualTo(Route.GROUP);
            assertThat(m.recipient()).isEqualTo(TestProperties.OFFICE_CONVERSATION);
            assertThat(m.text()).isEqualTo(TEXT);
        });
    }

    @Test
    void when_the_app_robot_fails_the_office_group_is_reached_through_the_signed_webhook() throws Exception {
        send("u1");
        fake.faults().failNextCalls(1, 503);

        gateway.sendToOfficeGroup(TITLE, TEXT);

        assertThat(fake.messages().by(Route.GROUP)).isEmpty();
        DeliveredMessage webhook = fake.messages().by(Route.WEBHOOK).get(0);
        assertThat(webhook.msgKey()).isEqualTo("markdown");
        assertThat(webhook.content().path("title").asText()).isEqualTo(TITLE);
        assertThat(webhook.text()).isEqualTo(TEXT);
    }

    @Test
    void a_throttled_webhook_is_retryable_and_a_badly_signed_one_is_not() throws Exception {
        SdkDingTalkGateway webhookOnly = gateway(TestProperties.webhookOnly(properties, properties.webhookSecret()));
        fake.faults().throttleWebhookNextCalls(1);

        DeliveryException throttled = catchThrowableOfType(DeliveryException.class,
                () -> webhookOnly.sendToOfficeGroup(TITLE, TEXT));

        assertThat(throttled.retryable()).isTrue();
        assertThat(throttled.getMessage()).startsWith("webhook: errcode 130101");
        webhookOnly.sendToOfficeGroup(TITLE, TEXT);
        assertThat(fake.messages().by(Route.WEBHOOK)).hasSize(1);

        SdkDingTalkGateway wrongSecret = gateway(TestProperties.webhookOnly(properties, "SECnotthesecret"));
        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> wrongSecret.sendToOfficeGroup(TITLE, TEXT));
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).startsWith("webhook: errcode 310000");
        assertThat(refused.getMessage()).doesNotContain(properties.webhookAccessToken(), properties.webhookSecret());
    }

    @Test
    void with_neither_a_conversation_nor_a_webhook_the_office_group_cannot_be_reached_at_all() {
        DingTalkProperties nowhere = TestProperties.withoutWebhook(TestProperties.webhookOnly(properties, "unused"));

        DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                () -> gateway(nowhere).sendToOfficeGroup(TITLE, TEXT));

        assertThat(refused.retryable()).isFalse();
        assertThat(fake.messages().all()).isEmpty();
    }

    private OneToOneResult send(String... userIds) throws DeliveryException {
        return gateway.sendOneToOne(List.of(userIds), TITLE, TEXT);
    }

    private void assertRetryable(String message) {
        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> send("u1"));
        assertThat(failure.getMessage()).isEqualTo(message);
        assertThat(failure.retryable()).isTrue();
    }

    private SdkDingTalkGateway gateway(DingTalkProperties settings) {
        return new SdkDingTalkGateway(settings, new ObjectMapper(), clock);
    }
}
