package io.duban.harness.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;

/**
 * The access log of the demo's developer endpoints ({@code /api/dev/**}): who called what, when, from where and with
 * which outcome — refusals included. It sits in the security chain after authentication and before authorization, so
 * it knows the account and sees the 403 of a route rule; failed logins are logged by the login throttle instead.
 */
public class DevEndpointAccessLog extends OncePerRequestFilter {

    public static final String LOGGER = "duban.dev-access";
    private static final Logger access = LoggerFactory.getLogger(LOGGER);

    private final Clock clock;

    public DevEndpointAccessLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/dev/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String who = authentication == null ? "anonymous" : authentication.getName();
        String roles = authentication == null ? "" : String.join(",",
                authentication.getAuthorities().stream().map(Object::toString).toList());
        String at = clock.instant().toString();
        try {
            chain.doFilter(request, response);
        } finally {
            access.info("dev endpoint: at={} account={} roles={} from={} {} {} -> {}", at, who, roles,
                    request.getRemoteAddr(), request.getMethod(), request.getRequestURI(), response.getStatus());
        }
    }
}
