package io.duban.dingtalk.fake;


import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The credentials the fake accepts. The same values must be given to the bot's clients, exactly as a real
 * organisation's would be. Secrets print masked.
 *
 * @param appKey              the app's key (clientId)
 * @param appSecret           the app's secret; also signs the callbacks the fake delivers
 * @param robotCode           the app robot's code
 * @param webhookAccessToken  the group custom robot's access_token
 * @param webhookSecret       the group custom robot's signing secret ("SEC…")
 */
public record FakeDingTalkSettings(String appKey, Credential appSecret, String robotCode, Credential webhookAccessToken,
                                   Credential webhookSecret) {

    public FakeDingTalkSettings {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(robotCode, "robotCode");
        Objects.requireNonNull(webhookAccessToken, "webhookAccessToken");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
    }

    /**
     * Fresh random credentials, so no secret — not even a fake one — has to live in the repository and nobody can
     * mistake a demo value for a real one.
     */
    public static FakeDingTalkSettings generated() {
        SecureRandom random = new SecureRandom();
        return new FakeDingTalkSettings(
                "dingfake" + hex(random, 8),
                Credential.of(hex(random, 32)),
                "dingfakerobot" + hex(random, 6),
                Credential.of(hex(random, 32)),
                Credential.of("SEC" + hex(random, 32)));
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
