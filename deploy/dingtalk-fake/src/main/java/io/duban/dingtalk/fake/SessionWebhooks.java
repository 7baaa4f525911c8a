package io.duban.dingtalk.fake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessionWebhook URLs handed out with callbacks. Each points back at the fake ({@code /session/{id}}) and, as
 * on DingTalk, expires about 90 minutes after the message; a reply after that is refused.
 */
final class SessionWebhooks {

    static final Duration LIFETIME = Duration.ofMinutes(90);

    /** Where a reply through one session goes. */
    record Session(String id, String recipient, Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SessionWebhooks(Clock clock) {
        this.clock = clock;
    }

    Session open(String recipient) {
        byte[] raw = new byte[12];
        random.nextBytes(raw);
        Session session = new Session(HexFormat.of().formatHex(raw), recipient, clock.instant().plus(LIFETIME));
        sessions.put(session.id(), session);
        return session;
    }

    Optional<Session> active(String id) {
        Session session = sessions.get(id);
        return session != null && clock.instant().isBefore(session.expiresAt()) ? Optional.of(session) : Optional.empty();
    }
}
