package io.duban.bot.signature;

import java.util.Objects;

/**
 * Computes the {@code sign} header DingTalk puts on a bot callback:
 * {@code Base64(HmacSHA256(key = appSecret, data = timestamp + "\n" + appSecret))}, not URL-encoded. The verifier
 * uses it to compare.
 */
public final class CallbackSigner {

    private final Secret appSecret;

    public CallbackSigner(Secret appSecret) {
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    }

    public String sign(long timestampMillis) {
        return HmacSha256.base64Sign(appSecret, timestampMillis);
    }

    @Override
    public String toString() {
        return "CallbackSigner[appSecret=" + appSecret + "]";
    }
}
