package io.duban.bot.signature;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    private static final String SECRET = "SECd6a1f0e2b7c94f3e8a5d0c1b2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1";
    private static final long TS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(TS), ZoneId.of("Asia/Shanghai"));
    private final WebhookSigner signer = new WebhookSigner(Secret.of(SECRET), clock);

    @Test
    void signature_is_base64_hmac_sha256_of_timestamp_newline_secret() throws Exception {
        assertThat(signer.signature(TS)).isEqualTo(IndependentHmac.base64(SECRET, TS));
    }

    @Test
    void sign_parameter_is_the_url_encoded_signature() throws Exception {
        // Find a timestamp whose Base64 contains '+', '/' or '=' so the encoding step is really exercised.
        long ts = TS;
        while (!IndependentHmac.base64(SECRET, ts).matches(".*[+/].*")) {
            ts++;
        }
        String base64 = IndependentHmac.base64(SECRET, ts);
        String encoded = signer.encodedSignature(ts);
        assertThat(encoded).isEqualTo(URLEncoder.encode(base64, StandardCharsets.UTF_8)).doesNotContain("+", "/", "=");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(base64);
    }

    @Test
    void signed_uri_carries_token_timestamp_and_sign_taken_from_the_clock() throws Exception {
        URI uri = signer.signedUri(URI.create("https://oapi.dingtalk.com/robot/send"), Secret.of("tok en/1"));

        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getPath()).isEqualTo("/robot/send");
        Map<String, String> query = query(uri);
        assertThat(query).containsOnlyKeys("access_token", "timestamp", "sign");
        assertThat(query.get("access_token")).isEqualTo("tok en/1");
        assertThat(query.get("timestamp")).isEqualTo(Long.toString(TS));
        assertThat(query.get("sign")).isEqualTo(IndependentHmac.base64(SECRET, TS));
    }

    @Test
    void signed_uri_keeps_an_existing_query() {
        URI uri = signer.signedUri(URI.create("http://127.0.0.1:1/robot/send?x=1"), Secret.of("t"), TS);
        assertThat(uri.getRawQuery()).startsWith("x=1&access_token=t&timestamp=" + TS + "&sign=");
    }

    @Test
    void matches_accepts_the_right_signature_only() throws Exception {
        assertThat(signer.matches(TS, IndependentHmac.base64(SECRET, TS))).isTrue();
        assertThat(signer.matches(TS + 1, IndependentHmac.base64(SECRET, TS))).isFalse();
        assertThat(signer.matches(TS, IndependentHmac.base64("other", TS))).isFalse();
        assertThat(signer.matches(TS, null)).isFalse();
    }

    @Test
    void secret_never_appears_in_to_string() {
        assertThat(signer.toString()).doesNotContain(SECRET);
        assertThat(Secret.of(SECRET).toString()).doesNotContain(SECRET).contains("******");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return result;
    }
}
