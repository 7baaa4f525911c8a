package io.duban.bot;

import io.duban.dingtalk.fake.FakeDingTalk;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.HashMap;
import java.util.Map;

/** Bot settings for tests: the defaults of {@code duban.dingtalk.*}, pointed at the DingTalk fake. */
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
        // the fake's duban.dingtalk.* settings, bound as the application binds its configuration
        Map<String, Object> settings = new HashMap<>(fake.dubanProperties(OFFICE_CONVERSATION));
        settings.put("duban.dingtalk.max-attempts", maxAttempts);
        return new Binder(new MapConfigurationPropertySource(settings))
                .bind("duban.dingtalk", DingTalkProperties.class).get();
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
