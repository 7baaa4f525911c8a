package io.duban.query.api;

import io.duban.command.api.Actor;
import io.duban.command.api.Role;

/** Who did something, as the views show it: no unit list, no channel (that is stored next to it where it matters). */
public record ActorRef(String userId, String name, Role role) {

    public static ActorRef of(Actor actor) {
        if (actor == null) {
            return new ActorRef(null, null, null);
        }
        return new ActorRef(actor.userId(), actor.name(), actor.role());
    }

    /** The channel's name, stored next to the actor where it matters; null when unknown. */
    public static String channelOf(Actor actor) {
        return actor == null || actor.channel() == null ? null : actor.channel().name();
    }
}
