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
 */
@Component
public class Outbox {

    public static final String COLLECTION = "dingtalk_outbox";

    private final MongoTemplate mongo;
    private final Clock clock;

    public Outbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("status", "nextAttemptAt"));
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
        var result = mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", key),
                Updates.setOnInsert(entry), new UpdateOptions().upsert(true));
        return result.getUpsertedId() != null;
    }

    /** Pending entries whose next attempt is due, oldest first. */
    public List<Document> due(int limit) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", Date.from(clock.instant()))))
                .sort(new Document("occurredAt", 1)).limit(limit).into(new ArrayList<>());
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

    /** Stores what an attempt achieved; releases the claim unless the changes extend it. */
    public void record(String key, Document changes) {
        if (!changes.containsKey("lockedUntil")) {
            changes.append("lockedUntil", new Date(0));
        }
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", key), new Document("$set", changes));
    }

    public List<Document> all() {
        return mongo.getCollection(COLLECTION).find().sort(new Document("occurredAt", 1)).into(new ArrayList<>());
    }
}
