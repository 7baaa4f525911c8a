package io.duban.query.view;

import io.duban.command.api.Actor;
import io.duban.command.api.Role;
import io.duban.query.api.ActorRef;
import org.bson.Document;

/** How the views store an {@link ActorRef}: {@code {userId, name, role}}. */
public final class ActorDocuments {

    private ActorDocuments() {
    }

    /** The stored form of who acted. */
    public static Document of(Actor actor) {
        return document(ActorRef.of(actor));
    }

    public static Document document(ActorRef actor) {
        return new Document("userId", actor.userId())
                .append("name", actor.name())
                .append("role", actor.role() == null ? null : actor.role().name());
    }

    public static ActorRef ref(Document stored) {
        if (stored == null) {
            return null;
        }
        String role = stored.getString("role");
        return new ActorRef(stored.getString("userId"), stored.getString("name"), role == null ? null : Role.valueOf(role));
    }
}
