package io.duban.deploy.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins per account and per client address: a lockout with a doubling wait, forgotten after the window. */
class LoginThrottleTest {

    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
            clock);

    @Test
    void five_failures_lock_the_account_for_thirty_seconds_and_each_further_failure_doubles_the_wait() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("czt", "10.0.0.1");
        }
        assertThat(throttle.wait("czt", "10.0.0.1")).isEmpty();
        throttle.failed("czt", "10.0.0.1");
        assertThat(throttle.wait("czt", "10.0.0.1")).contains(Duration.ofSeconds(30));
        // the lock is the account's, from any address
        assertThat(throttle.wait("czt", "10.9.9.9")).contains(Duration.ofSeconds(30));
        assertThat(throttle.wait("jyt", "10.9.9.9")).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.wait("czt", "10.0.0.1")).isEmpty();
        throttle.failed("czt", "10.0.0.1");
        assertThat(throttle.wait("czt", "10.0.0.1")).contains(Duration.ofSeconds(60));
    }

    @Test
    void the_wait_is_capped_and_the_count_is_forgotten_a_window_after_the_last_failure() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("czt", "10.0.0." + i);
        }
        assertThat(throttle.wait("czt", "10.0.0.99")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.wait("czt", "10.0.0.99")).isEmpty();
        throttle.failed("czt", "10.0.0.1");
        assertThat(throttle.wait("czt", "10.0.0.1")).isEmpty();
    }

    @Test
    void one_address_trying_many_accounts_is_throttled_and_a_success_does_not_clear_the_address() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess" + i, "10.0.0.1");
        }
        throttle.succeeded("office");
        assertThat(throttle.wait("office", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.wait("office", "10.0.0.2")).isEmpty();
    }

    @Test
    void a_success_clears_the_account_count() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("czt", "10.0.0.1");
        }
        throttle.succeeded("czt");
        throttle.failed("czt", "10.0.0.1");
        assertThat(throttle.wait("czt", "10.0.0.1")).isEmpty();
    }
}
