package io.duban.query.commitment;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.WriteModel;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.EscalationEnded;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import io.duban.query.ProcessingGroups;
import io.duban.query.light.TrafficLights;
import io.duban.query.view.MongoView;
import io.duban.query.view.StoredTime;
import io.duban.query.view.VersionedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * View {@value #COLLECTION}: one small document per commitment with only what a traffic light, a board row and the
 * office's "waiting for you" flag need, and the days its light turns yellow and red ({@link BoardRows}). It exists for
 * the questions asked of <em>every</em> commitment at once (总览, the units' light counts): the embedded MongoDB
 * server scans a collection for any such query, and reading ten thousand whole commitments took seconds where these
 * rows let the server count and sort by itself and answer a few dozen documents.
 * <p>
 * The fields carry the names of the {@value CommitmentsProjection#COLLECTION} view's, so a row reads as a
 * {@code CommitmentView} whose other fields are empty. Unlike that view's update operators, a row is rebuilt whole
 * from its previous state on each event (read by {@code _id}, kept for the rest of the processor's batch) because its
 * light days depend on several fields at once; the replacement is guarded by {@code lastSequence}, so an event
 * handled twice changes nothing. The same collection holds one digest per unit ({@link BoardDigests}), the rows'
 * short entries, which the board's and the inbox's questions read by {@code _id} instead of scanning the rows.
 */
@Component
@ProcessingGroup(ProcessingGroups.BOARD_ROWS)
public class BoardRowsProjection extends MongoView {

    public static final String COLLECTION = "board_rows";

    private final BoardRows rows;

    public BoardRowsProjection(MongoTemplate mongo, TrafficLights lights) {
        super(mongo, COLLECTION);
        this.rows = new BoardRows(lights);
    }

    @EventHandler
    public void on(CommitmentRegistered event, DomainEventMessage<?> message) {
        save(event.commitmentId(), message, BoardRows.registered(event));
    }

    @EventHandler
    public void on(ProgressReported event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> row.put("progress", event.percent()));
    }

    @EventHandler
    public void on(MilestoneCompleted event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> BoardRows.milestone(row, event.milestoneId())
                .append("completed", true).append("completedAt", StoredTime.instant(message.getTimestamp())));
    }

    @EventHandler
    public void on(DeadlineChangeRequested event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> BoardRows.push(row, "pendingDeadlineChanges",
                new Document("changeId", event.changeId()).append("requestedAt", StoredTime.instant(message.getTimestamp()))));
    }

    @EventHandler
    public void on(DeadlineChangeApproved event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> {
            if (event.milestoneId() == null) {
                row.put("dueDate", StoredTime.date(event.newDueDate()));
            } else {
                BoardRows.milestone(row, event.milestoneId()).put("dueDate", StoredTime.date(event.newDueDate()));
            }
            BoardRows.pull(row, "pendingDeadlineChanges", "changeId", event.changeId());
        });
    }

    @EventHandler
    public void on(DeadlineChangeRejected event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> BoardRows.pull(row, "pendingDeadlineChanges", "changeId", event.changeId()));
    }

    @EventHandler
    public void on(MajorIssueRaised event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> BoardRows.push(row, "openIssues", new Document("issueId", event.issueId())
                .append("summary", event.summary()).append("raisedAt", StoredTime.instant(message.getTimestamp()))));
    }

    @EventHandler
    public void on(MajorIssueResolved event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> BoardRows.pull(row, "openIssues", "issueId", event.issueId()));
    }

    @EventHandler
    public void on(CompletionClaimed event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> row.append("status", CommitmentStatus.COMPLETION_CLAIMED.name())
                .append("completionClaim", new Document("claimedAt", StoredTime.instant(message.getTimestamp())))
                .append("verification", null));
    }

    @EventHandler
    public void on(CompletionVerified event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> row.append("status", CommitmentStatus.VERIFIED.name())
                .append("verification", new Document("verifiedAt", StoredTime.instant(message.getTimestamp()))));
    }

    @EventHandler
    public void on(CommitmentReopened event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> row.append("status", CommitmentStatus.OPEN.name())
                .append("completionClaim", null).append("verification", null));
    }

    @EventHandler
    public void on(EscalationStarted event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> BoardRows.push(row, "escalations", new Document("key",
                BoardRows.escalationKey(event.milestoneId(), event.dueDate())).append("milestoneId", event.milestoneId())
                .append("dueDate", StoredTime.date(event.dueDate())).append("level", 1).append("open", true)
                .append("levelSince", StoredTime.instant(message.getTimestamp()))));
    }

    @EventHandler
    public void on(EscalationRaised event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> BoardRows.escalation(row, event.milestoneId(), event.dueDate())
                .ifPresent(e -> e.append("level", event.level())
                        .append("levelSince", StoredTime.instant(message.getTimestamp()))));
    }

    @EventHandler
    public void on(EscalationEnded event, DomainEventMessage<?> message) {
        change(event.commitmentId(), message, row -> BoardRows.escalation(row, event.milestoneId(), event.dueDate())
                .ifPresent(e -> e.put("open", false)));
    }

    /** Applies one event to the commitment's row; a row not registered (yet) or that has seen the event is left alone. */
    private void change(String commitmentId, DomainEventMessage<?> message, Consumer<Document> change) {
        Document row = current(commitmentId);
        if (row == null || !row.containsKey("status")) {
            return;
        }
        if (((Number) row.get(VersionedWrites.LAST_SEQUENCE)).longValue() >= message.getSequenceNumber()) {
            // seen: but a batch that stopped between the row and its digest left the digest behind; bring it up
            // (the row's own write is then a no-op)
            keep(commitmentId, row);
            return;
        }
        Document next = BoardRows.copy(row);
        change.accept(next);
        save(commitmentId, message, next);
    }

    private void save(String commitmentId, DomainEventMessage<?> message, Document fields) {
        Document row = rows.judged(fields);
        row.put(VersionedWrites.ID, commitmentId);
        row.put(VersionedWrites.LAST_SEQUENCE, message.getSequenceNumber());
        keep(commitmentId, row);
    }

    /** The row as the batch leaves it, written once when the batch is flushed (at once outside a batch). */
    private void keep(String commitmentId, Document row) {
        batchRows().ifPresentOrElse(batch -> batch.put(commitmentId, row), () -> write(writes(List.of(row))));
    }

    /** The row as this batch left it, else as stored. */
    private Document current(String commitmentId) {
        var batch = batchRows();
        Document pending = batch.map(b -> b.get(commitmentId)).orElse(null);
        if (pending != null) {
            return pending;
        }
        return collection().find(Filters.eq(VersionedWrites.ID, commitmentId)).first();
    }

    /**
     * The rows the current unit of work (a processor's batch) changed, as it leaves them. Each is written once when
     * the batch is flushed, however many of its events changed it, and each unit's digest once with all of its
     * entries the batch changed ({@link BoardDigests}).
     */
    private java.util.Optional<Map<String, Document>> batchRows() {
        if (!CurrentUnitOfWork.isStarted()) {
            return java.util.Optional.empty();
        }
        var unitOfWork = CurrentUnitOfWork.get().root();
        String key = BoardRowsProjection.class.getName() + ".rows";
        Map<String, Document> rows = unitOfWork.getResource(key);
        if (rows == null) {
            // not getOrComputeResource: handing the writes to the view's writer registers a resource of its own
            rows = new LinkedHashMap<>();
            unitOfWork.resources().put(key, rows);
            Map<String, Document> batch = rows;
            writeAtFlush(() -> writes(List.copyOf(batch.values())));
        }
        return java.util.Optional.of(rows);
    }

    /** Each row's guarded replacement, then one digest write per unit. */
    private static List<WriteModel<Document>> writes(List<Document> changed) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document row : changed) {
            writes.addAll(VersionedWrites.replace(row.getString(VersionedWrites.ID),
                    ((Number) row.get(VersionedWrites.LAST_SEQUENCE)).longValue(), row));
        }
        writes.addAll(BoardDigests.writes(changed));
        return writes;
    }

    /** Rows without any unit digest: written before the digests existed (2026-12-02), so 总览 would count nothing. */
    @Override
    public boolean outdated() {
        return collection().find(Filters.exists("status")).first() != null
                && collection().find(Filters.eq("digest", true)).first() == null;
    }

    @Override
    protected List<Bson> indexes() {
        // read by _id only: the digests for every commitment at once, the rows by id (BoardRowReader)
        return List.of();
    }
}
