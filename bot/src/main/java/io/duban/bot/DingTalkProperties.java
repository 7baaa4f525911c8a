package io.duban.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code duban.dingtalk.*}. Secrets (appSecret, webhook secret and token) come from the environment
 * ({@code DUBAN_DINGTALK_APP_SECRET}, …), never from the repository, and {@link #toString()} hides them.
 *
 * @param enabled              send alerts and accept callbacks at all
 * @param protocol             {@code https} for DingTalk; {@code http} only for a local stand-in (tests, the harness's demo)
 * @param apiEndpoint          host[:port] of the Open API ({@code api.dingtalk.com})
 * @param appKey               the enterprise internal app's key (also the robot's clientId for Stream mode)
 * @param appSecret            the app's secret: signs callbacks, obtains access tokens
 * @param robotCode            the app robot's code
 * @param officeConversationId openConversationId of the leading-group office's group chat
 * @param webhookUrl           the office group's custom-robot webhook, a fallback ({@code https://oapi.dingtalk.com/robot/send})
 * @param webhookAccessToken   its access_token
 * @param webhookSecret        its signing secret
 * @param sessionWebhookPrefix replies are only ever posted to sessionWebhook URLs starting with this
 * @param defaultPolicyId      the policy whose items "#31" refers to
 * @param pollInterval         how often the outbox sender looks for due messages
 * @param maxBackoff           the longest wait between two attempts at one message
 * @param maxAttempts          attempts before a message is marked failed
 * @param streamEnabled        receive replies over Stream mode instead of (or besides) the HTTP callback
 */
@ConfigurationProperties("duban.dingtalk")
public record DingTalkProperties(@DefaultValue("false") boolean enabled,
                                 @DefaultValue("https") String protocol,
                                 @DefaultValue("api.dingtalk.com") String apiEndpoint,
                                 String appKey,
                                 String appSecret,
                                 String robotCode,
                                 String officeConversationId,
                                 @DefaultValue("https://oapi.dingtalk.com/robot/send") String webhookUrl,
                                 String webhookAccessToken,
                                 String webhookSecret,
                                 @DefaultValue("https://oapi.dingtalk.com/robot/sendBySession")
                                 String sessionWebhookPrefix,
                                 @DefaultValue("nzf-2023-1") String defaultPolicyId,
                                 @DefaultValue("2s") Duration pollInterval,
                                 @DefaultValue("10m") Duration maxBackoff,
                                 @DefaultValue("50") int maxAttempts,
                                 @DefaultValue("false") boolean streamEnabled) {

    public boolean webhookConfigured() {
        return webhookAccessToken != null && !webhookAccessToken.isBlank()
                && webhookSecret != null && !webhookSecret.isBlank();
    }

    @Override
    public String toString() {
        return "DingTalkProperties[enabled=" + enabled + ", endpoint=" + protocol + "://" + apiEndpoint
                + ", appKey=" + appKey + ", robotCode=" + robotCode + ", appSecret=" + mask(appSecret)
                + ", webhookSecret=" + mask(webhookSecret) + ", webhookAccessToken=" + mask(webhookAccessToken) + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "******";
    }
}
