package io.duban.deploy.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account name and per client address (in this node's memory: a restart or another node
 * starts from zero). Unknown account names are counted like known ones, so the answers tell nothing about which exist.
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottle {

    /**
     * Above this many entries the expired ones are dropped. Live ones are kept (dropping them would lift a lockout);
     * new names come at most {@code max-failures-per-address} per address and window.
     */
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the caller must wait before the next attempt, or empty when it may try now. */
    public Optional<Duration> wait(String account, String address) {
        Instant now = clock.instant();
        Duration byAccount = account == null ? Duration.ZERO
                : remaining(accounts.get(account), properties.maxFailuresPerAccount(), now);
        Duration byAddress = remaining(addresses.get(address), properties.maxFailuresPerAddress(), now);
        Duration longer = byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** Records a failed login; returns the failures of that account within the window, this one included. */
    public int failed(String account, String address) {
        Instant now = clock.instant();
        prune(now);
        addresses.compute(address, (k, f) -> next(f, now));
        return accounts.compute(account, (k, f) -> next(f, now)).count();
    }

    public void succeeded(String account) {
        // the address keeps its count: one valid account must not let an address guess the others' passwords
        accounts.remove(account);
    }

    private Failures next(Failures previous, Instant now) {
        if (previous == null || expired(previous, now)) {
            return new Failures(1, now);
        }
        return new Failures(previous.count() + 1, now);
    }

    private Duration remaining(Failures failures, int max, Instant now) {
        if (failures == null || failures.count() < max || expired(failures, now)) {
            return Duration.ZERO;
        }
        Duration backoff = properties.backoff().multipliedBy(1L << Math.min(20, failures.count() - max));
        if (backoff.compareTo(properties.maxBackoff()) > 0) {
            backoff = properties.maxBackoff();
        }
        Duration left = Duration.between(now, failures.last().plus(backoff));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private boolean expired(Failures failures, Instant now) {
        // the window runs from the last failure: a slow, steady guesser stays throttled
        return failures.last().plus(properties.window()).isBefore(now);
    }

    private void prune(Instant now) {
        if (accounts.size() + addresses.size() > MAX_ENTRIES) {
            accounts.values().removeIf(f -> expired(f, now));
            addresses.values().removeIf(f -> expired(f, now));
        }
    }
}
