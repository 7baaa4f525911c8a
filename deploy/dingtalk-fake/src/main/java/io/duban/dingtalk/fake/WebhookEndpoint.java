package io.duban.dingtalk.fake;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /robot/send?access_token=…&timestamp=…&sign=…}, the group custom robot. Always HTTP 200; the outcome is
 * in errcode: 0 ok, 310000 bad or stale sign, 130101 throttled, 400101 unknown token (documented codes), 40035 no
 * message and 460101 text over 20,000 bytes (codes chosen by the fake).
 */
final class WebhookEndpoint implements FakeEndpoint {

    static final int MAX_TEXT_BYTES = 20_000;
    private static final long MAX_SKEW_MILLIS = Duration.ofHours(1).toMillis();

    private final FakeDingTalkSettings settings;
    private final DingTalkSignature signer;
    private final Faults faults;
    private final MessageLog log;
    private final Clock clock;

    WebhookEndpoint(FakeDingTalkSettings settings, Faults faults, MessageLog log, Clock clock) {
        this.settings = settings;
        this.signer = new DingTalkSignature(settings.webhookSecret());
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(FakeExchange exchange) throws IOException {
        Map<String, String> query = exchange.query();
        String token = query.getOrDefault("access_token", "");
        if (!MessageDigest.isEqual(settings.webhookAccessToken().reveal().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            exchange.webhookResult(400101, "access_token不存在");
            return;
        }
        if (!signedNow(query.get("timestamp"), query.get("sign"))) {
            exchange.webhookResult(310000, "sign not match");
            return;
        }
        if (faults.takeWebhookThrottle()) {
            exchange.webhookResult(130101, "send too fast, exceed 20 times per minute");
            return;
        }
        RobotMessageBody message = RobotMessageBody.of(exchange.jsonBody());
        if (message == null) {
            exchange.webhookResult(40035, "缺少参数 json");
            return;
        }
        if (message.textBytes() > MAX_TEXT_BYTES) {
            exchange.webhookResult(460101, "message too long");
            return;
        }
        log.record(new DeliveredMessage(Route.WEBHOOK, "webhook", message.msgtype(), message.content(),
                message.mentions(), clock.instant(), FakeExchange.requestId()));
        exchange.webhookResult(0, "ok");
    }

    private boolean signedNow(String timestamp, String sign) {
        if (timestamp == null || sign == null || timestamp.isEmpty() || timestamp.length() > 15
                || !timestamp.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long millis = Long.parseLong(timestamp);
        return Math.abs(clock.millis() - millis) <= MAX_SKEW_MILLIS && signer.matches(millis, sign);
    }
}
