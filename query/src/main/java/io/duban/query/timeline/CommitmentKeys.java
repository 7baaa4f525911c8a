package io.duban.query.timeline;

import com.mongodb.client.MongoCollection;
import java.util.function.Supplier;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which policy, item and unit a commitment belongs to, and its milestones' titles, for the timeline entries of
 * events that carry only the commitment id. Taken from the commitment's registration, never from another view, so
 * the timeline stays correct when it is rebuilt on its own or together with the others:
 * <ul>
 *   <li>the registration handled by this processor is remembered in memory (it may still sit in the unwritten batch);</li>
 *   <li>after a restart, the registration's own timeline entry is read once per commitment.</li>
 * </ul>
 * None of this ever changes after the registration (milestones keep their ids and titles), so the memory cannot go
 * stale; a reset forgets it.
 */
class CommitmentKeys {

    private static final Logger log = LoggerFactory.getLogger(CommitmentKeys.class);

    /** @param milestoneTitles milestone id to title, in registration order */
    record Key(String policyId, Integer itemNumber, String unitId, Map<String, String> milestoneTitles) {
        static final Key NONE = new Key(null, null, null, Map.of());

        /** The title, null for the final due date (no milestone) or an unknown id. */
        String milestoneTitle(String milestoneId) {
            return milestoneId == null ? null : milestoneTitles.get(milestoneId);
        }
    }

    private final Map<String, Key> known = new ConcurrentHashMap<>();
    /** The timeline's own collection, wherever the projection currently writes (its shadow during a rebuild). */
    private final Supplier<MongoCollection<Document>> collection;

    CommitmentKeys(Supplier<MongoCollection<Document>> collection) {
        this.collection = collection;
    }

    void remember(String commitmentId, Key key) {
        known.put(commitmentId, key);
    }

    Key of(String commitmentId) {
        Key key = known.computeIfAbsent(commitmentId, this::readRegistration);
        if (key == null) {
            log.warn("No registration found for commitment {}: its timeline entry carries no policy, item or unit", commitmentId);
            return Key.NONE;
        }
        return key;
    }

    void forgetAll() {
        known.clear();
    }

    private Key readRegistration(String commitmentId) {
        Document registration = collection.get()
                .find(Filters.and(Filters.eq("aggregateId", commitmentId), Filters.eq("type", "CommitmentRegistered")))
                .first();
        if (registration == null) {
            return null;
        }
        Map<String, String> titles = new LinkedHashMap<>();
        registration.getList(TimelineProjection.MILESTONES, Document.class, List.of())
                .forEach(m -> titles.put(m.getString("milestoneId"), m.getString("title")));
        return new Key(registration.getString("policyId"), registration.getInteger("itemNumber"),
                registration.getString("unitId"), titles);
    }
}
