package io.duban.bot.signature;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;

/**
 * Signs calls to a group custom-robot webhook ("加签" security setting):
 * {@code sign = URLEncode(Base64(HmacSHA256(key = secret, data = timestampMillis + "\n" + secret)))}, sent as the
 * query parameters {@code access_token}, {@code timestamp}, {@code sign}. DingTalk refuses a timestamp more than an
 * hour off, so the timestamp is taken from the injected clock at the moment of sending.
 */
public final class WebhookSigner {

    private final Secret secret;
    private final Clock clock;

    public WebhookSigner(Secret secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Base64 signature, before URL encoding. */
    public String signature(long timestampMillis) {
        return HmacSha256.base64Sign(secret, timestampMillis);
    }

    /** The value of the {@code sign} query parameter: the signature, URL-encoded. */
    public String encodedSignature(long timestampMillis) {
        return URLEncoder.encode(signature(timestampMillis), StandardCharsets.UTF_8);
    }

    /** Constant-time check of an already URL-decoded signature. */
    public boolean matches(long timestampMillis, String decodedSignature) {
        if (decodedSignature == null) {
            return false;
        }
        return MessageDigest.isEqual(signature(timestampMillis).getBytes(StandardCharsets.UTF_8),
                decodedSignature.getBytes(StandardCharsets.UTF_8));
    }

    /** The webhook URL to POST to, signed now. The result contains the access token: do not log it. */
    public URI signedUri(URI webhook, Secret accessToken) {
        return signedUri(webhook, accessToken, clock.millis());
    }

    public URI signedUri(URI webhook, Secret accessToken, long timestampMillis) {
        String base = webhook.toString();
        String separator = webhook.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator
                + "access_token=" + URLEncoder.encode(accessToken.reveal(), StandardCharsets.UTF_8)
                + "&timestamp=" + timestampMillis
                + "&sign=" + encodedSignature(timestampMillis));
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret=" + secret + "]";
    }
}
