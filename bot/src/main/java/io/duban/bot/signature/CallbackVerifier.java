package io.duban.bot.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Verifies the {@code timestamp} (milliseconds) and {@code sign} headers of a DingTalk bot callback (HTTP callback
 * mode). A callback is refused when a header is missing, the timestamp is not a plain number, it is more than the
 * allowed skew (one hour, as DingTalk documents) away from now in either direction — an old one could be a replay,
 * a future one a precomputed forgery — or the signature does not match. The comparison is constant-time so the
 * response time does not reveal how much of a forged signature was right.
 */
public final class CallbackVerifier {

    public static final Duration DEFAULT_MAX_SKEW = Duration.ofHours(1);

    /** Enough digits for any millisecond timestamp; longer input is refused before parsing. */
    private static final int MAX_TIMESTAMP_DIGITS = 15;

    private final CallbackSigner signer;
    private final Clock clock;
    private final long maxSkewMillis;

    public CallbackVerifier(Secret appSecret, Clock clock) {
        this(appSecret, clock, DEFAULT_MAX_SKEW);
    }

    public CallbackVerifier(Secret appSecret, Clock clock, Duration maxSkew) {
        this.signer = new CallbackSigner(appSecret);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSkewMillis = maxSkew.toMillis();
    }

    public CallbackVerification verify(String timestampHeader, String signHeader) {
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return refuse(CallbackCheck.MISSING_TIMESTAMP, "no timestamp header");
        }
        if (signHeader == null || signHeader.isBlank()) {
            return refuse(CallbackCheck.MISSING_SIGN, "no sign header");
        }
        String trimmed = timestampHeader.strip();
        if (trimmed.length() > MAX_TIMESTAMP_DIGITS || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return refuse(CallbackCheck.MALFORMED_TIMESTAMP, "timestamp header is not a millisecond number");
        }
        long timestamp = Long.parseLong(trimmed);
        long now = clock.millis();
        if (now - timestamp > maxSkewMillis) {
            return refuse(CallbackCheck.TIMESTAMP_TOO_OLD,
                    "timestamp " + timestamp + " is " + (now - timestamp) + " ms before now");
        }
        if (timestamp - now > maxSkewMillis) {
            return refuse(CallbackCheck.TIMESTAMP_IN_FUTURE,
                    "timestamp " + timestamp + " is " + (timestamp - now) + " ms after now");
        }
        byte[] expected = signer.sign(timestamp).getBytes(StandardCharsets.UTF_8);
        byte[] given = signHeader.strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return refuse(CallbackCheck.BAD_SIGN, "sign does not match for timestamp " + timestamp);
        }
        return new CallbackVerification(CallbackCheck.ACCEPTED, "timestamp " + timestamp + " signed correctly");
    }

    private static CallbackVerification refuse(CallbackCheck check, String detail) {
        return new CallbackVerification(check, detail);
    }

    @Override
    public String toString() {
        return "CallbackVerifier[maxSkewMillis=" + maxSkewMillis + "]";
    }
}
