package io.duban.bot.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Both DingTalk signatures are Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)). */
final class HmacSha256 {

    private HmacSha256() {
    }

    static String base64Sign(Secret secret, long timestampMillis) {
        String key = secret.reveal();
        String data = timestampMillis + "\n" + key;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK; reaching this means a broken runtime, not bad input.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
