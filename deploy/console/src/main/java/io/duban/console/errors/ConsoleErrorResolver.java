package io.duban.console.errors;

import io.duban.command.api.CommandRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UrlPathHelper;

/**
 * Turns what a console page request failed with into the console's error page ({@link ErrorPage}), before the API's
 * problem handlers (io.duban.command.web.ProblemAdvice) answer it as JSON: an unknown page (404), a refusal of the
 * console's own (4xx, with its Chinese message), anything else a 500 whose reference is logged with the stack trace,
 * which the page shows instead. Forwarded within the request, so the page has the signed-in person and their
 * navigation. Spring Security's refusals are left to it (its 403 page, its sign-in redirect).
 */
@Component
class ConsoleErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorResolver.class);
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        // the error page failing itself: not again (the servlet container's error page answers)
        boolean again = request.getAttribute(ErrorPage.STATUS_ATTRIBUTE) != null;
        if (again || ex instanceof AccessDeniedException || ex instanceof AuthenticationException
                || response.isCommitted() || !ErrorPage.wanted(request, PATHS.getPathWithinApplication(request))) {
            return null;
        }
        int status = statusOf(ex);
        if (status >= 500) {
            String reference = ErrorPage.newReference();
            log.error("Console request {} {} failed, reference {}", request.getMethod(), request.getRequestURI(),
                    reference, ex);
            request.setAttribute(ErrorPage.REFERENCE_ATTRIBUTE, reference);
        } else if (ex instanceof CommandRefusedException refused) {
            request.setAttribute(ErrorPage.DETAIL_ATTRIBUTE, refused.getMessage());
        } else if (ex instanceof org.springframework.web.server.ResponseStatusException refused
                && refused.getReason() != null) {
            request.setAttribute(ErrorPage.DETAIL_ATTRIBUTE, refused.getReason()); // a page's own words for its refusal
        }
        request.setAttribute(ErrorPage.STATUS_ATTRIBUTE, status);
        response.setStatus(status);
        return new ModelAndView("forward:" + ErrorPage.PATH);
    }

    private static int statusOf(Exception ex) {
        if (ex instanceof ErrorResponse response) {
            return response.getStatusCode().value();
        }
        if (ex instanceof CommandRefusedException refused) {
            return switch (refused.reason()) {
                case INVALID_INPUT -> 400;
                case NOT_PERMITTED -> 403;
                case NOT_FOUND -> 404;
                case RULE_VIOLATED -> 409;
            };
        }
        return 500;
    }

    /** Before Spring MVC's own resolvers and the problem advice; after Spring Boot's, which only notes the error. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
