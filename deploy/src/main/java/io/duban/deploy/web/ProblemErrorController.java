package io.duban.deploy.web;

import io.duban.command.api.problem.Problems;
import io.duban.console.errors.ErrorPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The servlet error page ({@code /error}) as a Chinese RFC 7807 problem detail, in place of Spring Boot's default
 * {@code {"timestamp","status","error","path"}} body. Requests end up here when they never reach a controller:
 * Spring Security's firewall refusing an encoded slash, a semicolon, a line break or a NUL in the path (400), an
 * exception no handler took (500, logged with a reference), or a servlet {@code sendError}. Asked for directly, it
 * answers 404. A browser asking for HTML on a console path gets the console's Chinese error page instead
 * ({@link ErrorPage}); the API keeps its problem details.
 */
@RestController
@Hidden // the servlet container's error page, not an operation of the API
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            // a client asking for /error itself: no request failed, so there is no error to report and nothing to log
            return answer(Problems.forStatus(404));
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (rejectedByFirewall(failure)) {
            // thrown late, e.g. when a form-encoded body is turned into parameters: still the client's fault
            status = 400;
        }
        String reference = null;
        if (status >= 500) {
            reference = ErrorPage.newReference();
            log.error("Request {} failed, reference {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    reference, failure instanceof Throwable t ? t : null);
        }
        if (!response.isCommitted() && ErrorPage.wanted(request, originalPath(request))) {
            // a browser on a console page: the console's Chinese error page, in its layout
            request.setAttribute(ErrorPage.STATUS_ATTRIBUTE, status);
            request.setAttribute(ErrorPage.REFERENCE_ATTRIBUTE, reference);
            request.getRequestDispatcher(ErrorPage.PATH).forward(request, response);
            return null;
        }
        ProblemDetail problem = Problems.forStatus(status);
        if (status == 400) {
            problem.setDetail("请求被拒绝：地址或请求头含有不允许的内容（如编码的斜杠、分号、换行、NUL 或“..”），"
                    + "未记录任何变更。");
        }
        return answer(problem);
    }

    /** The failed request's path within the application (the error dispatch's own is /error). */
    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path)) {
            return null;
        }
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean rejectedByFirewall(Object failure) {
        for (Throwable t = failure instanceof Throwable thrown ? thrown : null; t != null; t = t.getCause()) {
            if (t instanceof RequestRejectedException) {
                return true;
            }
        }
        return false;
    }
}
