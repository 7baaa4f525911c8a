package io.duban.deploy.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Before HTTP Basic checks a password: a caller whose account or address has failed too often within the window gets
 * a 429 problem with {@code Retry-After}, and the password is not checked at all — not even a right one, or guessing
 * would go on at full speed, told apart by the answers.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    /** Writes the 429 problem detail (the security configuration's writer). */
    interface Refusal {
        void write(HttpServletResponse response, Duration wait) throws IOException;
    }

    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();
    private final LoginThrottle throttle;
    private final Refusal refusal;

    LoginThrottleFilter(LoginThrottle throttle, Refusal refusal) {
        this.throttle = throttle;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account;
        try {
            UsernamePasswordAuthenticationToken credentials = basic.convert(request);
            account = credentials == null ? null : credentials.getName();
        } catch (AuthenticationException e) {
            account = null; // malformed header: HTTP Basic answers it with a 401
        }
        if (account != null) {
            Optional<Duration> wait = throttle.wait(account, request.getRemoteAddr());
            if (wait.isPresent()) {
                log.warn("Login attempt for account '{}' from {} refused: throttled for {} s more",
                        LogText.printable(account), request.getRemoteAddr(), seconds(wait.get()));
                response.setHeader("Retry-After", Long.toString(seconds(wait.get())));
                refusal.write(response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
