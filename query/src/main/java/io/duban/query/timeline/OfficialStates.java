package io.duban.query.timeline;

import com.mongodb.client.MongoCollection;
import java.util.function.Supplier;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory entry as it stood before a given event of it: the person's name (a removal does not carry it) and
 * whether they were in the directory (to tell a change from a re-appointment). Unlike a commitment's keys the name
 * may change, so every answer is "as of the event before sequence n", never the newest:
 * <ul>
 *   <li>the last event of each person handled by this processor is remembered with its sequence, and used for a
 *       later sequence only;</li>
 *   <li>otherwise (after a restart, or when a rolled-back batch is handled again) the person's newest timeline entry
 *       before that sequence is read.</li>
 * </ul>
 * Events of one aggregate arrive in sequence order, so whatever lies between a remembered event and the next one
 * was handled after it. A reset forgets everything.
 */
class OfficialStates {

    /** @param name null when unknown; {@code active}: appointed and not removed since */
    record State(long sequence, String name, boolean active) {
    }

    private final Map<String, State> known = new ConcurrentHashMap<>();
    /** The timeline's own collection, wherever the projection currently writes (its shadow during a rebuild). */
    private final Supplier<MongoCollection<Document>> collection;

    OfficialStates(Supplier<MongoCollection<Document>> collection) {
        this.collection = collection;
    }

    /** The person's state after their events before {@code sequence}; null before their first appointment. */
    State before(String userId, long sequence) {
        State remembered = known.get(userId);
        if (remembered != null && remembered.sequence() < sequence) {
            return remembered;
        }
        Document entry = collection.get()
                .find(Filters.and(Filters.eq("aggregateId", userId), Filters.eq("kind", TimelineProjection.OFFICIAL),
                        Filters.lt("sequence", sequence)))
                .sort(Sorts.descending("sequence"))
                .first();
        if (entry == null) {
            return null;
        }
        Document official = entry.get(TimelineProjection.OFFICIAL_DETAILS, Document.class);
        return new State(entry.get("sequence", Number.class).longValue(), official.getString("name"),
                !DirectoryAction.REMOVED.name().equals(official.getString("action")));
    }

    void remember(String userId, State state) {
        known.put(userId, state);
    }

    void forgetAll() {
        known.clear();
    }
}
