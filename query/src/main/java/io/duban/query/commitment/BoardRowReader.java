package io.duban.query.commitment;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.light.LightSchedule;
import io.duban.query.view.StoredTime;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the {@value BoardRowsProjection#COLLECTION} view by {@code _id} only: the units' digests (one document per
 * unit, {@link BoardDigests}) for what is asked of every commitment at once, and rows by id for the few a page
 * shows. The embedded MongoDB server serves an {@code _id} lookup from its one index and scans for anything else, so
 * a page costs a few dozen documents whatever the number of commitments.
 */
@Component
public class BoardRowReader {

    private final MongoTemplate mongo;

    public BoardRowReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The entries of every commitment of the given units (one read of their digests). */
    public BoardEntries entries(Collection<String> unitIds) {
        List<BoardEntry> entries = new ArrayList<>();
        if (!unitIds.isEmpty()) {
            rows().find(Filters.in("_id", unitIds.stream().map(BoardDigests::id).toList())).batchSize(1_000)
                    .forEach(digest -> digest.get(BoardDigests.ROWS, new Document()).values()
                            .forEach(entry -> entries.add(entry(digest.getString("unitId"), (Document) entry))));
        }
        return new BoardEntries(entries);
    }

    /** The rows of the given commitments as {@link CommitmentView}s (the fields a board shows), in the given order. */
    public List<CommitmentView> rows(List<String> commitmentIds) {
        if (commitmentIds.isEmpty()) {
            return List.of();
        }
        Map<String, CommitmentView> byId = new HashMap<>();
        rows().find(Filters.in("_id", commitmentIds)).forEach(d -> byId.put(d.getString("_id"), CommitmentDocuments.view(d)));
        return commitmentIds.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A short list and how many there are in all. */
    public record Listed(List<CommitmentView> first, int all) {
    }

    /** The rows of a picked list. */
    public Listed listed(BoardEntries.Picked picked) {
        return new Listed(rows(picked.first()), picked.all());
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

    private static BoardEntry entry(String unitId, Document e) {
        LightSchedule light = new LightSchedule(Boolean.TRUE.equals(e.get("d")), StoredTime.date(e.get("y")),
                StoredTime.date(e.get("r")));
        Number item = (Number) e.get("i");
        Number progress = (Number) e.get("s");
        return new BoardEntry(e.getString("id"), unitId, e.getString("p"), item == null ? 0 : item.intValue(), light,
                StoredTime.date(e.get("l")), progress == null ? 0 : progress.intValue(),
                e.getList("m", Document.class, List.of()).stream().map(m -> new BoardEntry.MilestoneDue(
                        StoredTime.date(m.get("due")), StoredTime.instant(m.get("at")))).toList(),
                waiting(e.get("w", Document.class)));
    }

    private static BoardEntry.Waiting waiting(Document w) {
        if (w == null) {
            return null;
        }
        List<BoardEntry.Timed> changes = w.getList("changes", Document.class, List.of()).stream()
                .map(c -> new BoardEntry.Timed(c.getString("changeId"), StoredTime.instant(c.get("requestedAt")))).toList();
        List<BoardEntry.Timed> issues = w.getList("issues", Document.class, List.of()).stream()
                .map(i -> new BoardEntry.Timed(i.getString("issueId"), StoredTime.instant(i.get("raisedAt")))).toList();
        List<BoardEntry.Case> cases = w.getList("escalations", Document.class, List.of()).stream()
                .map(c -> new BoardEntry.Case(c.getString("milestoneId"), StoredTime.date(c.get("dueDate")),
                        ((Number) c.get("level")).intValue(), StoredTime.instant(c.get("levelSince")))).toList();
        return new BoardEntry.Waiting(changes, Boolean.TRUE.equals(w.get("claimed")), StoredTime.instant(w.get("claimedAt")),
                issues, cases);
    }

    private com.mongodb.client.MongoCollection<Document> rows() {
        return mongo.getCollection(BoardRowsProjection.COLLECTION);
    }
}
