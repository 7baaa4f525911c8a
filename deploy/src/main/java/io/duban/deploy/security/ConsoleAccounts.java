package io.duban.deploy.security;

import io.duban.command.access.DubanUser;
import io.duban.console.session.ConsoleUser;
import io.duban.console.session.ConsoleUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The console's view of a signed-in account (accounts are the command side's; the console sees only this). */
@Component
class ConsoleAccounts implements ConsoleUsers {

    @Override
    public ConsoleUser of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof DubanUser user) {
            return new ConsoleUser(user.username(), user.name(), user.role(), user.unitIds());
        }
        throw new IllegalStateException("not a Duban account: " + authentication.getClass().getSimpleName());
    }
}
