package io.duban.bot.alert;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable outbox of DingTalk messages ({@value #COLLECTION}). An entry's id is its de-duplication key (the event
 * id and the kind of alert), so handling the same event twice — a retry, a replay, a second node — adds nothing.
 * <pre>
 * { _id, kind, commitmentId, facts{…}, occurredAt, status PENDING|SENT|FAILED, attempts, nextAttemptAt, lockedUntil,
 *   title, text, recipients[{userId, name, status PENDING|SENT|INVALID}], lastError, sentAt }
 * </pre>
 * Beside it, {@value #PENDING} holds one small document per entry still PENDING ({@code _id} the entry's key,
 * {@code occurredAt}, {@code nextAttemptAt}): the sender looks for due entries there, every two seconds. On the
 * embedded wire server, which has no secondary index, the query on the outbox itself read every entry ever sent
 * (thousands after a day of alerts) on each pass, idle or not. An entry leaves the pending list when it is sent or
 * failed. The list is written before the entry, so a crash between the two leaves a pending key whose entry is
 * missing or no longer pending, which the sender drops when it finds it ({@link #due}; a missing one only
 * {@link #ORPHAN_AFTER} after it was listed); never an entry nobody sends.
 */
@Component
public class Outbox {

    public static final String COLLECTION = "dingtalk_outbox";
    public static final String PENDING = "dingtalk_outbox_pending";
    /**
     * A listed key without an entry is dropped only this long after it was listed: {@link #add} lists first and then
     * writes the entry, and a pass between the two must not unlist an entry about to exist.
     */
    static final Duration ORPHAN_AFTER = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final Clock clock;

    public Outbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // the sender's query, on MongoDB (the embedded server has no secondary index: there the list's smallness is what counts)
        mongo.getCollection(PENDING).createIndex(Indexes.ascending("nextAttemptAt"));
        listPendingEntries();
    }

    /**
     * Lists every PENDING entry in {@value #PENDING}: at start-up, once, so that an outbox written before the list
     * existed (or a list lost with its collection) is delivered. Idempotent.
     */
    private void listPendingEntries() {
        mongo.getCollection(COLLECTION).find(Filters.eq("status", "PENDING"))
                .projection(new Document("occurredAt", 1).append("nextAttemptAt", 1))
                .forEach(entry -> listPending(entry.getString("_id"), entry.getDate("occurredAt"),
                        entry.getDate("nextAttemptAt")));
    }

    private void listPending(String key, Date occurredAt, Date nextAttemptAt) {
        mongo.getCollection(PENDING).updateOne(Filters.eq("_id", key),
                Updates.combine(Updates.setOnInsert("occurredAt", occurredAt),
                        Updates.setOnInsert("nextAttemptAt", nextAttemptAt),
                        Updates.setOnInsert("listedAt", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
    }

    /** Adds the entry unless one with the same key exists; returns whether it was new. */
    public boolean add(String key, AlertKind kind, String commitmentId, Map<String, String> facts, Instant occurredAt) {
        Document entry = new Document("kind", kind.name())
                .append("commitmentId", commitmentId)
                .append("facts", new Document(facts))
                .append("occurredAt", Date.from(occurredAt))
                .append("status", "PENDING")
                .append("attempts", 0)
                .append("nextAttemptAt", Date.from(clock.instant()));
        // find by _id, not countDocuments: the driver counts through an aggregation, which the embedded server
        // answers by scanning the collection
        if (mongo.getCollection(COLLECTION).find(Filters.eq("_id", key)).projection(new Document("_id", 1))
                .first() != null) {
            return false; // handled before (a retry, a replay): nothing to list again
        }
        listPending(key, entry.getDate("occurredAt"), entry.getDate("nextAttemptAt"));
        var result = mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", key),
                Updates.setOnInsert(entry), new UpdateOptions().upsert(true));
        return result.getUpsertedId() != null;
    }

    /** Pending entries whose next attempt is due, oldest first: found in the pending list, read by key. */
    public List<Document> due(int limit) {
        Map<String, Document> listed = new LinkedHashMap<>(); // key → its listing, oldest first
        mongo.getCollection(PENDING).find(Filters.lte("nextAttemptAt", Date.from(clock.instant())))
                .sort(new Document("occurredAt", 1).append("_id", 1)).limit(limit)
                .forEach(pending -> listed.put(pending.getString("_id"), pending));
        if (listed.isEmpty()) {
            return List.of();
        }
        Map<String, Document> entries = new HashMap<>();
        mongo.getCollection(COLLECTION).find(Filters.in("_id", listed.keySet()))
                .forEach(e -> entries.put(e.getString("_id"), e));
        Instant orphanedBefore = clock.instant().minus(ORPHAN_AFTER);
        List<Document> due = new ArrayList<>();
        listed.forEach((key, listing) -> {
            Document entry = entries.get(key);
            if (entry != null && "PENDING".equals(entry.getString("status"))) {
                due.add(entry);
            } else if (entry != null || listedBefore(listing, orphanedBefore)) {
                unlist(key); // a sent entry listed again, or a crash between listing and writing the entry
            }
        });
        return due;
    }

    private static boolean listedBefore(Document listing, Instant limit) {
        Date at = listing.getDate("listedAt");
        return at == null || at.toInstant().isBefore(limit);
    }

    private void unlist(String key) {
        mongo.getCollection(PENDING).deleteOne(Filters.eq("_id", key));
    }

    /**
     * Takes an entry for one sender for a while, so two nodes never send the same entry at once. Only a due entry can
     * be taken: a sender that listed it before another one's attempt failed must not cut that attempt's backoff short.
     */
    public Optional<Document> claim(String key, Duration lease) {
        Date now = Date.from(clock.instant());
        return Optional.ofNullable(mongo.getCollection(COLLECTION).findOneAndUpdate(
                Filters.and(Filters.eq("_id", key), Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", now),
                        Filters.or(Filters.exists("lockedUntil", false), Filters.lt("lockedUntil", now))),
                Updates.set("lockedUntil", Date.from(clock.instant().plus(lease))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /**
     * Stores what an attempt achieved; releases the claim unless the changes extend it. A SENT or FAILED entry leaves
     * the pending list (after it is stored: a crash between leaves a listed key the next pass drops); a later next
     * attempt moves its time there too.
     */
    public void record(String key, Document changes) {
        if (!changes.containsKey("lockedUntil")) {
            changes.append("lockedUntil", new Date(0));
        }
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", key), new Document("$set", changes));
        Object status = changes.get("status");
        if (status != null && !"PENDING".equals(status)) {
            unlist(key);
        } else if (changes.get("nextAttemptAt") instanceof Date next) {
            mongo.getCollection(PENDING).updateOne(Filters.eq("_id", key), Updates.set("nextAttemptAt", next));
        }
    }

    public List<Document> all() {
        return mongo.getCollection(COLLECTION).find().sort(new Document("occurredAt", 1)).into(new ArrayList<>());
    }
}
