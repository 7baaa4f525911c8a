package io.duban.query.audit.readlog;

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
 * Logs every request an authenticated inspector (role INSPECTOR) makes to {@code /api/**} with GET, and the audit
 * POSTs ({@code /api/audit/**}, e.g. a verification); the same for the web console's pages ({@code /console/**} with
 * GET, the POSTs of its audit page {@code /console/audit/**}; not its static files): user id, method, path, query string, status and time. Runs after
 * Spring Security's filter chain (so the user is known and requests it refused never reach here), once per request;
 * the row is written when the answer is complete, whatever happened. Reads neither the body nor any header.
 * A failure to write the log is logged and does not fail the inspector's request.
 */
public class AuditReadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditReadFilter.class);
    static final String ROLE = "ROLE_INSPECTOR";

    private final AuditReadLog readLog;
    private final Clock clock;

    public AuditReadFilter(AuditReadLog readLog, Clock clock) {
        this.readLog = readLog;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (path.startsWith("/api/")) {
            return !("GET".equals(method) || ("POST".equals(method) && path.startsWith("/api/audit/")));
        }
        // the web console shows the same data: its pages and exports are reads too (not its static files)
        if (path.startsWith("/console/") && !path.startsWith("/console/assets/")) {
            return !("GET".equals(method) || ("POST".equals(method) && path.startsWith("/console/audit/")));
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()
                || user.getAuthorities().stream().noneMatch(a -> ROLE.equals(a.getAuthority()))) {
            chain.doFilter(request, response);
            return;
        }
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            try {
                readLog.record(user.getName(), request.getMethod(),
                        request.getRequestURI().substring(request.getContextPath().length()),
                        request.getQueryString(), status, clock.instant());
            } catch (RuntimeException e) {
                log.error("Could not log the audit read of {} {} by {}", request.getMethod(), request.getRequestURI(),
                        user.getName(), e);
            }
        }
    }
}
