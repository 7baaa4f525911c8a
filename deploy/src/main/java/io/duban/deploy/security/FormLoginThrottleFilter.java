package io.duban.deploy.security;

import io.duban.console.session.LoginFailure;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link LoginThrottleFilter} for the console's sign-in form: an account or address that failed too often within the
 * window is sent back to the login page with the wait, and its password is not checked at all — not even a right one.
 */
class FormLoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FormLoginThrottleFilter.class);

    private final LoginThrottle throttle;

    FormLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
                ? request.getParameter("username") : null;
        if (account != null) {
            Optional<Duration> wait = throttle.wait(account, request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = LoginThrottleFilter.seconds(wait.get());
                log.warn("Console login for account '{}' from {} refused: throttled for {} s more",
                        LogText.printable(account), request.getRemoteAddr(), seconds);
                LoginFailure.store(request.getSession(), account, "登录失败次数过多，请 " + seconds + " 秒后再试。");
                response.setHeader("Retry-After", Long.toString(seconds));
                response.sendRedirect(request.getContextPath() + "/login?error");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
