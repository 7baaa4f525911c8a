package io.duban.dingtalk.fake;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * DingTalk's signature, as its documentation defines it for both the bot callback's {@code sign} header and the
 * custom-robot webhook's {@code sign} parameter: {@code Base64(HmacSHA256(key = secret, data = timestamp + "\n" +
 * secret))} (the webhook URL-encodes it on top).
 *
 * <p>Written here on purpose instead of reusing the bot's signer: the fake plays DingTalk's side, and an independent
 * implementation of the same documented formula is what makes the bot's signature tests worth something — a bug in
 * the bot's signer cannot be mirrored by the fake and pass unnoticed.
 */
final class DingTalkSignature {

    private final Credential secret;

    DingTalkSignature(Credential secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** The Base64 signature for {@code timestampMillis}, before any URL encoding. */
    String sign(long timestampMillis) {
        String key = secret.reveal();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK: reaching this means a broken runtime, not bad input
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison with an already URL-decoded signature. */
    boolean matches(long timestampMillis, String decodedSignature) {
        return decodedSignature != null && MessageDigest.isEqual(
                sign(timestampMillis).getBytes(StandardCharsets.UTF_8),
                decodedSignature.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "DingTalkSignature[secret=" + secret + "]";
    }
}
