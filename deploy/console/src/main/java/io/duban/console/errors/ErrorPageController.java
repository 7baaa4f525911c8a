package io.duban.console.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's error page ({@value ErrorPage#PATH}), for any method: the failed request is forwarded here as it
 * was. Asked for directly, nothing failed: it answers 404, the page of an unknown address.
 */
@Controller
class ErrorPageController {

    @RequestMapping(ErrorPage.PATH)
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(ErrorPage.STATUS_ATTRIBUTE);
        if (code == null) {
            code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        }
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        ErrorPage page = ErrorPage.of(status, text(request.getAttribute(ErrorPage.DETAIL_ATTRIBUTE)),
                text(request.getAttribute(ErrorPage.REFERENCE_ATTRIBUTE)));
        response.setStatus(status);
        model.addAttribute("error", page);
        return "console/error";
    }

    private static String text(Object attribute) {
        return attribute instanceof String s && !s.isBlank() ? s : null;
    }
}
