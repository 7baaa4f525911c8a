package io.duban.query.commitment;

import com.mongodb.client.model.Filters;
import io.duban.command.api.CommitmentId;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.light.LightSchedule;
import io.duban.query.view.StampedCache;
import io.duban.query.view.StoredTime;
import io.duban.query.view.ViewStamps;
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
    /** The digests as last read, while the view's stamp stays (总览, 待办 and the units page ask for them on each view). */
    private final StampedCache<java.util.Set<String>, BoardEntries> digests;

    public BoardRowReader(MongoTemplate mongo) {
        this.mongo = mongo;
        this.digests = new StampedCache<>(new ViewStamps(mongo), BoardRowsProjection.COLLECTION, 4);
    }

    /** The entries of every commitment of the given units (one read of their digests, or none while they stay). */
    public BoardEntries entries(Collection<String> unitIds) {
        return digests.get(java.util.Set.copyOf(unitIds), () -> read(unitIds));
    }

    private BoardEntries read(Collection<String> unitIds) {
        List<BoardEntry> entries = new ArrayList<>();
        if (!unitIds.isEmpty()) {
            rows().find(Filters.in("_id", unitIds.stream().map(BoardDigests::id).toList())).batchSize(1_000)
                    .forEach(digest -> digest.get(BoardDigests.ROWS, new Document()).values()
                            .forEach(entry -> entries.add(entry(digest.getString("unitId"), (Document) entry))));
        }
        return new BoardEntries(List.copyOf(entries));
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
     * Of the given commitments, those verified now (办结, not reopened since), with when they were verified: from
     * their units' digests (kept while the view stays), not from their rows.
     */
    public Map<String, Instant> verifiedAt(Collection<String> commitmentIds) {
        Map<String, Instant> verified = new HashMap<>();
        if (commitmentIds.isEmpty()) {
            return verified;
        }
        java.util.Set<String> wanted = java.util.Set.copyOf(commitmentIds);
        List<String> units = wanted.stream().map(CommitmentId::unitOf).distinct().sorted().toList();
        for (BoardEntry e : entries(units).entries()) {
            if (e.verifiedAt() != null && wanted.contains(e.commitmentId())) {
                verified.put(e.commitmentId(), e.verifiedAt());
            }
        }
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
                StoredTime.instant(e.get("v")), waiting(e.get("w", Document.class)));
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
