package io.duban.query.view;

import io.duban.command.api.Actor;
import io.duban.command.api.Role;
import org.bson.Document;

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

    public static ActorRef from(Document stored) {
        if (stored == null) {
            return null;
        }
        String role = stored.getString("role");
        return new ActorRef(stored.getString("userId"), stored.getString("name"), role == null ? null : Role.valueOf(role));
    }

    public Document toDocument() {
        return new Document("userId", userId)
                .append("name", name)
                .append("role", role == null ? null : role.name());
    }
}
