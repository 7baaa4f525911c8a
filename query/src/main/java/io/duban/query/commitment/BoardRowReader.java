package io.duban.query.commitment;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.duban.query.api.catalog.ItemRef;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.light.LightColor;
import io.duban.command.api.CommitmentStatus;
import io.duban.query.view.StoredTime;
import io.duban.query.view.VersionedWrites;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@value BoardRowsProjection#COLLECTION} view: counts and short lists over every commitment, worked out by
 * MongoDB (one aggregation or one sorted, limited find each), so the answer has a few dozen documents whatever the
 * number of commitments. "Today" is passed in; the rows hold the days their lights change ({@link BoardRows}).
 */
@Component
public class BoardRowReader {

    private final MongoTemplate mongo;

    public BoardRowReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Per unit id: its registered commitments by light colour on {@code today} (DONE, RED, YELLOW, GREEN). */
    public Map<String, Map<LightColor, Integer>> lightsByUnit(LocalDate today) {
        String day = StoredTime.date(today);
        Document notDone = new Document("$eq", List.of("$" + BoardRows.DONE, false));
        Document red = new Document("$and", List.of(notDone, lte(BoardRows.RED_FROM, day)));
        Document yellow = new Document("$and", List.of(notDone, new Document("$gt", List.of("$" + BoardRows.RED_FROM, day)),
                lte(BoardRows.YELLOW_FROM, day)));
        Document group = new Document("_id", "$unitId")
                .append("total", new Document("$sum", 1))
                .append("done", count(new Document("$eq", List.of("$" + BoardRows.DONE, true))))
                .append("red", count(red))
                .append("yellow", count(yellow));
        Map<String, Map<LightColor, Integer>> byUnit = new HashMap<>();
        for (Document d : rows().aggregate(List.of(new Document("$group", group)))) {
            int total = number(d, "total"), done = number(d, "done"), r = number(d, "red"), y = number(d, "yellow");
            Map<LightColor, Integer> counts = new EnumMap<>(LightColor.class);
            counts.put(LightColor.DONE, done);
            counts.put(LightColor.RED, r);
            counts.put(LightColor.YELLOW, y);
            counts.put(LightColor.GREEN, total - done - r - y);
            byUnit.put(d.getString("_id"), counts);
        }
        return byUnit;
    }

    /** Per item: how many commitments, and the sum of their shown progress. */
    public Map<ItemRef, int[]> progressByItem() {
        Document group = new Document("_id", new Document("p", "$policyId").append("i", "$itemNumber"))
                .append("n", new Document("$sum", 1))
                .append("progress", new Document("$sum", "$" + BoardRows.SHOWN_PROGRESS));
        Map<ItemRef, int[]> byItem = new HashMap<>();
        for (Document d : rows().aggregate(List.of(new Document("$group", group)))) {
            Document id = d.get("_id", Document.class);
            byItem.put(new ItemRef(id.getString("p"), id.getInteger("i")), new int[]{number(d, "n"), number(d, "progress")});
        }
        return byItem;
    }

    /** A short list and how many there are in all. */
    public record Listed(List<CommitmentView> first, int all) {
    }

    /** Red on {@code today}: the earliest missed date first. */
    public Listed overdue(LocalDate today, int limit) {
        String day = StoredTime.date(today);
        return listed(Filters.and(Filters.eq(BoardRows.DONE, false), Filters.lte(BoardRows.RED_FROM, day)), limit);
    }

    /** Yellow on {@code today} with their list date between {@code today} and {@code horizon}: soonest first. */
    public Listed dueSoon(LocalDate today, LocalDate horizon, int limit) {
        String day = StoredTime.date(today);
        return listed(Filters.and(Filters.eq(BoardRows.DONE, false), Filters.gt(BoardRows.RED_FROM, day),
                Filters.lte(BoardRows.YELLOW_FROM, day), Filters.gte(BoardRows.LIST_DUE, day),
                Filters.lte(BoardRows.LIST_DUE, StoredTime.date(horizon))), limit);
    }

    /**
     * The rows of the commitments the office has something to decide on, each read as a {@link CommitmentView} with
     * only what orders the inbox's lists: the pending changes' and open issues' ids and times, the claim's time, the
     * escalation cases; no milestones. What the inbox shows of a row comes from the commitments view.
     */
    public List<CommitmentView> awaitingTheOffice() {
        List<CommitmentView> found = new ArrayList<>();
        rows().find(Filters.eq(BoardRows.AWAITING, true))
                .projection(Projections.include("unitId", "status", "pendingDeadlineChanges", "openIssues",
                        "completionClaim", "escalations", VersionedWrites.LAST_SEQUENCE))
                .batchSize(5_000).forEach(d -> found.add(CommitmentDocuments.view(d)));
        return found;
    }

    /**
     * Of the given commitments, those verified now (办结, not reopened since), with when they were verified: one read
     * through the {@code _id} index, of rows a tenth of a commitment's size.
     */
    public Map<String, Instant> verifiedAt(Collection<String> commitmentIds) {
        Map<String, Instant> verified = new HashMap<>();
        if (commitmentIds.isEmpty()) {
            return verified;
        }
        rows().find(Filters.and(Filters.in("_id", commitmentIds), Filters.eq("status", CommitmentStatus.VERIFIED.name())))
                .projection(Projections.include("verification.verifiedAt")).batchSize(5_000)
                .forEach(d -> {
                    Document verification = d.get("verification", Document.class);
                    Instant at = verification == null ? null : StoredTime.instant(verification.get("verifiedAt"));
                    if (at != null) {
                        verified.put(d.getString("_id"), at);
                    }
                });
        return verified;
    }

    private Listed listed(Bson filter, int limit) {
        List<CommitmentView> first = new ArrayList<>();
        rows().find(filter).sort(Sorts.ascending(BoardRows.LIST_DUE, "policyId", "itemNumber", "_id")).limit(limit)
                .forEach(d -> first.add(CommitmentDocuments.view(d)));
        return new Listed(first, (int) rows().countDocuments(filter));
    }

    private com.mongodb.client.MongoCollection<Document> rows() {
        return mongo.getCollection(BoardRowsProjection.COLLECTION);
    }

    private static Document lte(String field, String day) {
        return new Document("$lte", List.of("$" + field, day));
    }

    private static Document count(Document condition) {
        return new Document("$sum", new Document("$cond", List.of(condition, 1, 0)));
    }

    private static int number(Document d, String key) {
        Object value = d.get(key);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
