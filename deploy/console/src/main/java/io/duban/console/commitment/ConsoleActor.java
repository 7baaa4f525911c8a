package io.duban.console.commitment;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.console.session.ConsoleUser;

/** The actor recorded for what a signed-in person does in the console: as the REST write API makes it, channel WEB. */
public final class ConsoleActor {

    private ConsoleActor() {
    }

    public static Actor of(ConsoleUser me) {
        return new Actor(me.username(), me.name(), me.role(), me.unitIds(), Channel.WEB, null);
    }
}
