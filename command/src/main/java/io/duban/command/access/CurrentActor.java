package io.duban.command.access;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.SignedInActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Turns the logged-in web user into the {@link Actor} recorded on every event. */
@Component
public class CurrentActor implements SignedInActor {

    @Override
    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof DubanUser user)) {
            throw new IllegalStateException("no authenticated Duban user");
        }
        return new Actor(user.username(), user.name(), user.role(), user.unitIds(), Channel.WEB, null);
    }
}
