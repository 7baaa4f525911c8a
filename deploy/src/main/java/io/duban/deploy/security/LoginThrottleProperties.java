package io.duban.deploy.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code duban.security.login-throttle.*}: how many failed HTTP Basic logins within {@code window} an account, and a
 * client address, may have before further attempts are answered 429 without checking the password; the wait starts
 * at {@code backoff} and doubles with every failure after that, up to {@code max-backoff}.
 */
@ConfigurationProperties("duban.security.login-throttle")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerAccount,
                                      @DefaultValue("20") int maxFailuresPerAddress,
                                      @DefaultValue("15m") Duration window,
                                      @DefaultValue("30s") Duration backoff,
                                      @DefaultValue("15m") Duration maxBackoff) {
}
