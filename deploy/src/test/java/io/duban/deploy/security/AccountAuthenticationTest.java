package io.duban.deploy.security;

import io.duban.command.access.Account;
import io.duban.command.access.AccountDirectory;
import io.duban.command.access.AccountProperties;
import io.duban.command.api.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unknown account name costs the same password check as a known one, and never logs anyone in. */
class AccountAuthenticationTest {

    /** Records which stored hash each check ran against. */
    private static final class RecordingEncoder implements PasswordEncoder {
        private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final List<String> checkedAgainst = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checkedAgainst.add(encoded);
            return real.matches(raw, encoded);
        }
    }

    private final String hash = "{bcrypt}" + new BCryptPasswordEncoder(6).encode("right");
    private final AccountProperties configured = new AccountProperties(List.of(
            new Account("office-zhang", hash, "张某", Role.OFFICE, List.of())));
    private final RecordingEncoder encoder = new RecordingEncoder();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
            Clock.systemUTC());
    private final AccountAuthentication authentication = new AccountAuthentication(new AccountDirectory(configured),
            configured, encoder, throttle);

    @Test
    void an_unknown_name_is_checked_against_a_configured_hash_of_the_same_cost_and_fails_even_with_its_password() {
        assertThatThrownBy(() -> authentication.authenticate(login("nobody", "right")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> authentication.authenticate(login("office-zhang", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        // the same bcrypt hash, so the same algorithm and cost, for the unknown and the known name
        assertThat(encoder.checkedAgainst).containsExactly(hash, hash);
        assertThat(authentication.authenticate(login("office-zhang", "right")).isAuthenticated()).isTrue();
    }

    @Test
    void failures_count_for_unknown_names_too() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> authentication.authenticate(login("nobody", "x")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.wait("nobody", "unknown")).isPresent();
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
