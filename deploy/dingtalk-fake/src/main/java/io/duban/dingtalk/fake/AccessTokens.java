package io.duban.dingtalk.fake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Access tokens the fake has issued, each valid for {@link #LIFETIME} by the fake's clock, as DingTalk's are. A
 * token it never issued, or one past its expiry, is refused — so a client that does not refresh is caught.
 */
final class AccessTokens {

    static final Duration LIFETIME = Duration.ofSeconds(7200);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();

    AccessTokens(Clock clock) {
        this.clock = clock;
    }

    String issue() {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        expiries.put(token, clock.instant().plus(LIFETIME));
        issued.incrementAndGet();
        return token;
    }

    boolean isValid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    int issued() {
        return issued.get();
    }

    void revokeAll() {
        expiries.clear();
    }
}
