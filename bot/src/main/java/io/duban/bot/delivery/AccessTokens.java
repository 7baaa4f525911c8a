package io.duban.bot.delivery;

import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenRequest;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The app's access token (valid 7,200 s), cached and renewed five minutes before it expires so no send ever
 * races the expiry. One instance per app credential.
 */
final class AccessTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final com.aliyun.dingtalkoauth2_1_0.Client oauth;
    private final String appKey;
    private final String appSecret;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    AccessTokens(com.aliyun.dingtalkoauth2_1_0.Client oauth, String appKey, String appSecret, Clock clock) {
        this.oauth = oauth;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    synchronized String current() throws DeliveryException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            try {
                GetAccessTokenResponse response = oauth.getAccessToken(new GetAccessTokenRequest()
                        .setAppKey(appKey).setAppSecret(appSecret));
                token = response.getBody().getAccessToken();
                long expiresIn = response.getBody().getExpireIn() == null ? 7200 : response.getBody().getExpireIn();
                renewAt = clock.instant().plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
            } catch (Exception e) {
                throw FailureClassifier.classify("access token", e);
            }
        }
        return token;
    }

    /** Forget the token, e.g. after DingTalk said it is invalid. */
    synchronized void invalidate() {
        token = null;
    }
}
