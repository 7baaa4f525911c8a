package io.duban.query.commitment;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.view.VersionedWrites;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit digests of the {@value BoardRowsProjection#COLLECTION} view: one document per unit, {@code _id} {@value
 * #PREFIX} + unitId, holding one short entry per commitment of the unit, so that what is asked of every commitment at
 * once (总览's counts and lists, the units' lights, the office's inbox) reads a few dozen documents by {@code _id}
 * instead of scanning ten thousand rows (the embedded server has no secondary index; a scan of 10,000 rows took
 * 250–1,000 ms on the bench, and a page asked for several).
 * <pre>
 * { _id: "digest~" + unitId, unitId, digest: true,
 *   rows: { "&lt;commitmentId, dots as ~&gt;": { id, p (policyId), i (itemNumber), y (yellowFrom), r (redFrom),
 *            l (listDue), d (done), s (shownProgress), a (awaiting), m: [{due, at (completed)}],
 *            v (verifiedAt, while verified), seq (the row's
 *            lastSequence),
 *            w: { changes: [{changeId, requestedAt}], claimedAt, issues: [{issueId, raisedAt}],
 *                 escalations: [{milestoneId, dueDate, level, levelSince}] } (only while awaiting) } } }
 * </pre>
 * An entry is a function of its row: written from the row as the processor's batch leaves it, with the other
 * entries of the unit the batch changed, in one write per unit and batch (see {@link #writes}).
 */
final class BoardDigests {

    static final String PREFIX = "digest~";
    static final String ROWS = "rows";

    private BoardDigests() {
    }

    static String id(String unitId) {
        return PREFIX + unitId;
    }

    /**
     * The writes that bring the units' digests up to the given rows: one upsert per unit setting the entries of its
     * rows. Unconditional, because a batch only ever holds a row at or after the stored one (it reads the stored row,
     * then applies newer events; a commitment's events all go to one processor segment), so an entry is never set
     * back; a batch written twice sets the same values again.
     */
    static List<WriteModel<Document>> writes(List<Document> rows) {
        Map<String, Document> setsByUnit = new LinkedHashMap<>();
        for (Document row : rows) {
            String path = ROWS + "." + row.getString(VersionedWrites.ID).replace('.', '~');
            long sequence = ((Number) row.get(VersionedWrites.LAST_SEQUENCE)).longValue();
            setsByUnit.computeIfAbsent(row.getString("unitId"), unit -> new Document()).append(path, entry(row, sequence));
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        setsByUnit.forEach((unitId, set) -> writes.add(new UpdateOneModel<>(Filters.eq(VersionedWrites.ID, id(unitId)),
                new Document("$set", set).append("$setOnInsert", new Document("unitId", unitId).append("digest", true)),
                new UpdateOptions().upsert(true))));
        return writes;
    }

    private static Document entry(Document row, long sequence) {
        Document entry = new Document("id", row.getString(VersionedWrites.ID))
                .append("p", row.getString("policyId")).append("i", row.get("itemNumber"))
                .append("y", row.get(BoardRows.YELLOW_FROM)).append("r", row.get(BoardRows.RED_FROM))
                .append("l", row.get(BoardRows.LIST_DUE)).append("d", row.get(BoardRows.DONE))
                .append("s", row.get(BoardRows.SHOWN_PROGRESS)).append("a", row.get(BoardRows.AWAITING))
                .append("m", milestones(row)).append("v", verifiedAt(row)).append("seq", sequence);
        if (Boolean.TRUE.equals(row.get(BoardRows.AWAITING))) {
            entry.append("w", waiting(row));
        }
        return entry;
    }

    /** When it was verified, while it is (办结, not reopened since): which commitments owe no quarterly report. */
    private static Object verifiedAt(Document row) {
        Document verification = row.get("verification", Document.class);
        return CommitmentStatus.VERIFIED.name().equals(row.getString("status")) && verification != null
                ? verification.get("verifiedAt") : null;
    }

    /** Each milestone's due date (after approved changes) and when it was completed: what on-time rates count. */
    private static List<Document> milestones(Document row) {
        List<Document> milestones = new ArrayList<>();
        row.getList("milestones", Document.class, List.of()).forEach(m -> milestones.add(
                new Document("due", m.get("dueDate")).append("at", m.get("completedAt"))));
        return milestones;
    }

    /** What orders the inbox's lists: ids and times of what waits for the office. */
    private static Document waiting(Document row) {
        List<Document> changes = new ArrayList<>();
        row.getList("pendingDeadlineChanges", Document.class, List.of()).forEach(c -> changes.add(
                new Document("changeId", c.getString("changeId")).append("requestedAt", c.get("requestedAt"))));
        List<Document> issues = new ArrayList<>();
        row.getList("openIssues", Document.class, List.of()).forEach(i -> issues.add(
                new Document("issueId", i.getString("issueId")).append("raisedAt", i.get("raisedAt"))));
        List<Document> escalations = new ArrayList<>();
        for (Document e : row.getList("escalations", Document.class, List.of())) {
            int level = ((Number) e.get("level")).intValue();
            if (Boolean.TRUE.equals(e.get("open")) && level >= OfficeInbox.OFFICE_LEVEL) {
                escalations.add(new Document("milestoneId", e.getString("milestoneId")).append("dueDate", e.get("dueDate"))
                        .append("level", level).append("levelSince", e.get("levelSince")));
            }
        }
        Document claim = row.get("completionClaim", Document.class);
        boolean claimed = CommitmentStatus.COMPLETION_CLAIMED.name().equals(row.getString("status"));
        return new Document("changes", changes).append("claimed", claimed)
                .append("claimedAt", claimed && claim != null ? claim.get("claimedAt") : null)
                .append("issues", issues).append("escalations", escalations);
    }
}
