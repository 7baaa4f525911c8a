package io.duban.bot;

import io.duban.bot.fake.FakeDingTalk;

import java.time.Duration;

/** Bot settings for tests: the defaults of {@code duban.dingtalk.*}, pointed at a local fake. */
public final class TestProperties {

    /** The office group chat's openConversationId in tests. */
    public static final String OFFICE_CONVERSATION = "cidtestofficegroup";
    public static final String POLICY = "nzf-2023-1";

    private TestProperties() {
    }

    /** Everything as configured by default, on the fake's generated credentials. */
    public static DingTalkProperties connectedTo(FakeDingTalk fake) {
        return withMaxAttempts(fake, 50);
    }

    public static DingTalkProperties withMaxAttempts(FakeDingTalk fake, int maxAttempts) {
        return new DingTalkProperties(true, "https", "api.dingtalk.com", null, null, null, null,
                "https://oapi.dingtalk.com/robot/send", null, null, "https://oapi.dingtalk.com/robot/sendBySession",
                POLICY, Duration.ofSeconds(2), Duration.ofMinutes(10), maxAttempts, false)
                .connectedTo(fake, OFFICE_CONVERSATION);
    }

    /** The same settings with another robot code: DingTalk refuses every send with a 400. */
    public static DingTalkProperties withRobotCode(DingTalkProperties p, String robotCode) {
        return new DingTalkProperties(p.enabled(), p.protocol(), p.apiEndpoint(), p.appKey(), p.appSecret(),
                robotCode, p.officeConversationId(), p.webhookUrl(), p.webhookAccessToken(), p.webhookSecret(),
                p.sessionWebhookPrefix(), p.defaultPolicyId(), p.pollInterval(), p.maxBackoff(), p.maxAttempts(),
                p.streamEnabled());
    }

    /** The office group reached only through the custom-robot webhook, signed with {@code webhookSecret}. */
    public static DingTalkProperties webhookOnly(DingTalkProperties p, String webhookSecret) {
        return new DingTalkProperties(p.enabled(), p.protocol(), p.apiEndpoint(), p.appKey(), p.appSecret(),
                p.robotCode(), null, p.webhookUrl(), p.webhookAccessToken(), webhookSecret,
                p.sessionWebhookPrefix(), p.defaultPolicyId(), p.pollInterval(), p.maxBackoff(), p.maxAttempts(),
                p.streamEnabled());
    }

    /** The office group reached only through the app robot: no webhook to fall back on. */
    public static DingTalkProperties withoutWebhook(DingTalkProperties p) {
        return new DingTalkProperties(p.enabled(), p.protocol(), p.apiEndpoint(), p.appKey(), p.appSecret(),
                p.robotCode(), p.officeConversationId(), p.webhookUrl(), null, null,
                p.sessionWebhookPrefix(), p.defaultPolicyId(), p.pollInterval(), p.maxBackoff(), p.maxAttempts(),
                p.streamEnabled());
    }
}
