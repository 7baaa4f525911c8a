package io.duban.bot.signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackVerifierTest {

    private static final String APP_SECRET = "fake-app-secret-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
    private static final long NOW = 1_767_225_600_000L;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static CallbackVerifier verifierAt(long nowMillis) {
        return new CallbackVerifier(Secret.of(APP_SECRET), Clock.fixed(Instant.ofEpochMilli(nowMillis), ZONE));
    }

    @Test
    void accepts_a_correct_signature() throws Exception {
        CallbackVerification result = verifierAt(NOW).verify(Long.toString(NOW), IndependentHmac.base64(APP_SECRET, NOW));
        assertThat(result.accepted()).isTrue();
        assertThat(result.check()).isEqualTo(CallbackCheck.ACCEPTED);
    }

    @Test
    void signer_produces_what_the_documented_algorithm_produces() throws Exception {
        assertThat(new CallbackSigner(Secret.of(APP_SECRET)).sign(NOW)).isEqualTo(IndependentHmac.base64(APP_SECRET, NOW));
    }

    @Test
    void refuses_a_forged_sign() throws Exception {
        String good = IndependentHmac.base64(APP_SECRET, NOW);
        char flipped = good.charAt(5) == 'A' ? 'B' : 'A';
        String forged = good.substring(0, 5) + flipped + good.substring(6);
        assertThat(verifierAt(NOW).verify(Long.toString(NOW), forged).check()).isEqualTo(CallbackCheck.BAD_SIGN);
    }

    @Test
    void refuses_a_sign_made_with_another_secret() throws Exception {
        String other = IndependentHmac.base64("someone-elses-secret", NOW);
        assertThat(verifierAt(NOW).verify(Long.toString(NOW), other).check()).isEqualTo(CallbackCheck.BAD_SIGN);
    }

    @Test
    void refuses_the_url_encoded_form_because_callbacks_are_not_url_encoded() throws Exception {
        long ts = NOW;
        while (!IndependentHmac.base64(APP_SECRET, ts).matches(".*[+/=].*")) {
            ts++;
        }
        String encoded = java.net.URLEncoder.encode(IndependentHmac.base64(APP_SECRET, ts), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(verifierAt(ts).verify(Long.toString(ts), encoded).check()).isEqualTo(CallbackCheck.BAD_SIGN);
    }

    @Test
    void refuses_a_stale_timestamp_once_the_clock_has_moved_past_one_hour() throws Exception {
        String sign = IndependentHmac.base64(APP_SECRET, NOW);
        long oneHour = Duration.ofHours(1).toMillis();

        assertThat(verifierAt(NOW + oneHour).verify(Long.toString(NOW), sign).accepted()).isTrue();
        CallbackVerification stale = verifierAt(NOW + oneHour + 1).verify(Long.toString(NOW), sign);
        assertThat(stale.check()).isEqualTo(CallbackCheck.TIMESTAMP_TOO_OLD);
        assertThat(stale.detail()).contains("3600001 ms before now");
    }

    @Test
    void refuses_a_timestamp_more_than_one_hour_in_the_future() throws Exception {
        long future = NOW + Duration.ofHours(1).toMillis() + 1;
        CallbackVerification result = verifierAt(NOW).verify(Long.toString(future), IndependentHmac.base64(APP_SECRET, future));
        assertThat(result.check()).isEqualTo(CallbackCheck.TIMESTAMP_IN_FUTURE);
    }

    @Test
    void refuses_missing_headers() throws Exception {
        String sign = IndependentHmac.base64(APP_SECRET, NOW);
        assertThat(verifierAt(NOW).verify(null, sign).check()).isEqualTo(CallbackCheck.MISSING_TIMESTAMP);
        assertThat(verifierAt(NOW).verify("  ", sign).check()).isEqualTo(CallbackCheck.MISSING_TIMESTAMP);
        assertThat(verifierAt(NOW).verify(Long.toString(NOW), null).check()).isEqualTo(CallbackCheck.MISSING_SIGN);
        assertThat(verifierAt(NOW).verify(Long.toString(NOW), "").check()).isEqualTo(CallbackCheck.MISSING_SIGN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1767225600000", "1767225600000.5", "1e12", "0x1F", "99999999999999999999999",
            "１７６７２２５６００００００"})
    void refuses_a_timestamp_that_is_not_a_plain_millisecond_number(String timestamp) {
        assertThat(verifierAt(NOW).verify(timestamp, "c2lnbg==").check()).isEqualTo(CallbackCheck.MALFORMED_TIMESTAMP);
    }

    @Test
    void results_and_verifier_never_show_the_secret_or_the_expected_sign() throws Exception {
        CallbackVerifier verifier = verifierAt(NOW);
        String expected = IndependentHmac.base64(APP_SECRET, NOW);
        for (CallbackVerification result : new CallbackVerification[]{
                verifier.verify(Long.toString(NOW), "forged"),
                verifier.verify(Long.toString(NOW), expected),
                verifier.verify(Long.toString(NOW - 7_200_000), expected)}) {
            assertThat(result.toString()).doesNotContain(APP_SECRET).doesNotContain(expected);
        }
        assertThat(verifier.toString()).doesNotContain(APP_SECRET);
        assertThat(new CallbackSigner(Secret.of(APP_SECRET)).toString()).doesNotContain(APP_SECRET);
    }
}
