package io.duban.console.session;

import io.duban.console.ConsolePage;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** Gives every console page the signed-in person ({@code me}) and the pages their role may open ({@code nav}). */
@ControllerAdvice(basePackages = "io.duban.console")
class SignedInModel {

    private final ConsoleUsers users;

    SignedInModel(ConsoleUsers users) {
        this.users = users;
    }

    @ModelAttribute("me")
    ConsoleUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return users.of(authentication);
    }

    @ModelAttribute("nav")
    List<ConsolePage> nav(@ModelAttribute("me") ConsoleUser me) {
        return me == null ? List.of() : ConsolePage.navigationFor(me.role());
    }
}
