package io.duban.query.commitment;

import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.Milestone;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.light.LightSchedule;
import io.duban.query.light.TrafficLights;
import io.duban.query.view.StoredTime;
import io.duban.query.view.VersionedWrites;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the {@value BoardRowsProjection#COLLECTION} view:
 * <pre>
 * { _id (commitmentId), policyId, itemNumber, unitId, unitName, startDate, dueDate (yyyy-MM-dd),
 *   milestones: [{milestoneId, title, dueDate, completed, completedAt}], progress, status,
 *   pendingDeadlineChanges: [{changeId, requestedAt}], openIssues: [{issueId, summary, raisedAt}],
 *   completionClaim: {claimedAt} | null, verification: {verifiedAt} | null,
 *   escalations: [{key, milestoneId, dueDate, level, levelSince, open}],
 *   yellowFrom, redFrom (yyyy-MM-dd; 9999-12-31 = never), listDue, done, awaiting, shownProgress, lastSequence }
 * </pre>
 * {@code yellowFrom}/{@code redFrom} are the light's {@link LightSchedule}; {@code listDue} the date a due list shows
 * (the earlier of the final due date and the earliest open milestone's); {@code awaiting}: the office has something
 * to decide (a deadline change, a claim, a major issue, an escalation at its level); {@code shownProgress} the
 * progress a board shows (100 once verified).
 */
final class BoardRows {

    static final String YELLOW_FROM = "yellowFrom";
    static final String RED_FROM = "redFrom";
    static final String LIST_DUE = "listDue";
    static final String DONE = "done";
    static final String AWAITING = "awaiting";
    static final String SHOWN_PROGRESS = "shownProgress";

    private final TrafficLights lights;

    BoardRows(TrafficLights lights) {
        this.lights = lights;
    }

    static Document registered(CommitmentRegistered event) {
        List<Document> milestones = new ArrayList<>();
        for (Milestone m : event.milestones()) {
            milestones.add(new Document("milestoneId", m.milestoneId()).append("title", m.title())
                    .append("dueDate", StoredTime.date(m.dueDate())).append("completed", false).append("completedAt", null));
        }
        return new Document("policyId", event.policyId()).append("itemNumber", event.itemNumber())
                .append("unitId", event.unitId()).append("unitName", event.unitName())
                .append("startDate", StoredTime.date(event.startDate())).append("dueDate", StoredTime.date(event.dueDate()))
                .append("milestones", milestones).append("progress", 0).append("status", CommitmentStatus.OPEN.name())
                .append("pendingDeadlineChanges", new ArrayList<Document>()).append("openIssues", new ArrayList<Document>())
                .append("completionClaim", null).append("verification", null)
                .append("escalations", new ArrayList<Document>());
    }

    /** The row with its derived fields set from the others. */
    Document judged(Document fields) {
        Document row = new Document(fields);
        row.putIfAbsent(VersionedWrites.LAST_SEQUENCE, 0L);
        CommitmentView view = CommitmentDocuments.view(row);
        LightSchedule schedule = lights.scheduleOf(view);
        LocalDate listDue = view.dueDate();
        for (MilestoneView m : view.milestones()) {
            if (!m.completed() && m.dueDate() != null && (listDue == null || m.dueDate().isBefore(listDue))) {
                listDue = m.dueDate();
            }
        }
        boolean escalatedToOffice = view.escalations().stream()
                .anyMatch(e -> e.open() && e.level() >= OfficeInbox.OFFICE_LEVEL);
        boolean awaiting = !view.pendingDeadlineChanges().isEmpty() || !view.openIssues().isEmpty()
                || view.status() == CommitmentStatus.COMPLETION_CLAIMED || escalatedToOffice;
        return row.append(YELLOW_FROM, day(schedule.yellowFrom())).append(RED_FROM, day(schedule.redFrom()))
                .append(LIST_DUE, day(listDue)).append(DONE, schedule.done()).append(AWAITING, awaiting)
                .append(SHOWN_PROGRESS, view.progress());
    }

    /** A stored day; never (null) as {@link LightSchedule#NEVER}, so that "on or before today" stays false. */
    static String day(LocalDate date) {
        return StoredTime.date(date == null ? LightSchedule.NEVER : date);
    }

    /** The milestone's entry (a new empty one, not kept, for an id the row does not know). */
    static Document milestone(Document row, String milestoneId) {
        return row.getList("milestones", Document.class, List.of()).stream()
                .filter(m -> milestoneId.equals(m.getString("milestoneId"))).findFirst().orElseGet(Document::new);
    }

    static Optional<Document> escalation(Document row, String milestoneId, LocalDate dueDate) {
        String key = escalationKey(milestoneId, dueDate);
        return row.getList("escalations", Document.class, List.of()).stream()
                .filter(e -> key.equals(e.getString("key"))).findFirst();
    }

    /** One case per milestone (or the final date) and due date, as the escalation ladder keeps them. */
    static String escalationKey(String milestoneId, LocalDate dueDate) {
        return (milestoneId == null ? "final" : milestoneId) + "@" + dueDate;
    }

    static void push(Document row, String array, Document entry) {
        List<Document> entries = new ArrayList<>(row.getList(array, Document.class, List.of()));
        entries.add(entry);
        row.put(array, entries);
    }

    static void pull(Document row, String array, String key, String value) {
        List<Document> entries = new ArrayList<>(row.getList(array, Document.class, List.of()));
        entries.removeIf(e -> value.equals(e.getString(key)));
        row.put(array, entries);
    }

    /** A deep copy: a change to a batch's row must not reach the row an earlier write of the batch holds. */
    static Document copy(Document row) {
        Document copy = new Document();
        row.forEach((key, value) -> copy.put(key, copied(value)));
        return copy;
    }

    private static Object copied(Object value) {
        if (value instanceof Document d) {
            return copy(d);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copied(v)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Document copy = new Document();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copied(v)));
            return copy;
        }
        return value;
    }
}
