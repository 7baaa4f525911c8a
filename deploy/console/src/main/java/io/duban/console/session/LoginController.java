package io.duban.console.session;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security processes the form ({@code POST /login}); after a failure it redirects here with
 * {@code ?error} and leaves the name typed and the reason in the session ({@link LoginFailure}), shown once.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error,
                 @RequestParam(name = "logout", required = false) String logout,
                 HttpSession session, Model model) {
        LoginFailure failure = error == null ? null : LoginFailure.take(session);
        model.addAttribute("failure", failure);
        model.addAttribute("username", failure == null ? "" : failure.username());
        model.addAttribute("loggedOut", logout != null);
        return "console/login";
    }
}
