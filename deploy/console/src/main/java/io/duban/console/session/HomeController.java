package io.duban.console.session;

import io.duban.console.ConsolePage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code /}: each role's home (the office's 总览, the inspectors' 审计, a unit's 我的承诺). */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@ModelAttribute("me") ConsoleUser me) {
        return ConsolePage.homeOf(me.role())
                .map(page -> "redirect:" + page.path())
                // operators watch the service (/actuator), they have no business pages
                .orElse("console/no-pages");
    }

    /**
     * Where a refused request is forwarded (403, any method): a page of its own, not the API's problem document. A
     * missing or stale CSRF token (e.g. a form left open past the session) is told apart from a role refusal.
     */
    @RequestMapping(ConsolePage.ROOT + "/denied")
    String denied(HttpServletRequest request, Model model) {
        model.addAttribute("expired", request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
        return "console/denied";
    }
}
