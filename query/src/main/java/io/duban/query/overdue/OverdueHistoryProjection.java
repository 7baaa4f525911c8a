package io.duban.query.overdue;

import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.query.ProcessingGroups;
import io.duban.query.view.MongoView;
import io.duban.query.view.StoredTime;
import io.duban.query.view.VersionedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * View {@value #COLLECTION}: what the overdue count over time (总览's 逾期数量变化) is folded from, one document per
 * commitment that ever had a due date pass unmet, {@code _id} = commitmentId.
 * <pre>
 * { _id, unitId,
 *   steps: [{seq, at (date), kind (OVERDUE | COMPLETED | DEADLINE_CHANGED | VERIFIED | REOPENED),
 *            key (milestone id, or "final" for the final due date; null for VERIFIED and REOPENED),
 *            dueDate (yyyy-MM-dd, OVERDUE only)}],
 *   lastSequence }
 * </pre>
 * <b>The rule</b> (applied when read, by {@link OverdueFold}): a <em>case</em> is one due date that passed unmet.
 * <ul>
 *   <li>+1: {@link MilestoneBecameOverdue} opens the case of its milestone (or of the final due date), at the event's
 *       time. The scheduler records each due date once; a second one for a key whose case is still open changes
 *       nothing, so no due date counts twice.</li>
 *   <li>−1: the case closes when that milestone is completed ({@link MilestoneCompleted}), when a deadline change of
 *       that milestone or of the final date is approved ({@link DeadlineChangeApproved}; if the new date passes too,
 *       the scheduler opens a new case), or when the commitment is verified ({@link CompletionVerified}: every open
 *       case closes).</li>
 *   <li>{@link CommitmentReopened} opens again the cases its last verification closed: the dates they missed are still
 *       the commitment's due dates and the scheduler records a date only once, so no new event would.</li>
 *   <li>A day's point counts the cases open at the <em>end</em> of that day in the business zone (the clock's zone):
 *       opened on or before it and not closed by its end. A case opened and closed on the same day counts on no day.
 *       The commitments' line counts the commitments with at least one open case.</li>
 * </ul>
 * Only {@link MilestoneBecameOverdue} creates a document; the other events are recorded on an existing one and ignored
 * before it (nothing is open then, so they close nothing). The document is fed by its commitment alone, so every write
 * is guarded by {@code lastSequence} ({@link VersionedWrites}): a step is pushed once however often its event comes.
 * Nothing here depends on the wall clock, so a rebuild gives the same documents.
 */
@Component
@ProcessingGroup(ProcessingGroups.OVERDUE_HISTORY)
public class OverdueHistoryProjection extends MongoView {

    public static final String COLLECTION = "overdue_history";
    static final String FINAL = "final";

    /** What a step did to its commitment's cases. */
    enum Kind { OVERDUE, COMPLETED, DEADLINE_CHANGED, VERIFIED, REOPENED }

    public OverdueHistoryProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    public void on(MilestoneBecameOverdue event, DomainEventMessage<?> message) {
        Document step = step(Kind.OVERDUE, key(event.milestoneId()), message).append("dueDate", StoredTime.date(event.dueDate()));
        write(VersionedWrites.createOrUpdate(event.commitmentId(), message.getSequenceNumber(),
                new Document("$set", new Document("unitId", CommitmentId.unitOf(event.commitmentId())))
                        .append("$push", new Document("steps", step))));
    }

    @EventHandler
    public void on(MilestoneCompleted event, DomainEventMessage<?> message) {
        record(event.commitmentId(), step(Kind.COMPLETED, key(event.milestoneId()), message), message);
    }

    @EventHandler
    public void on(DeadlineChangeApproved event, DomainEventMessage<?> message) {
        record(event.commitmentId(), step(Kind.DEADLINE_CHANGED, key(event.milestoneId()), message), message);
    }

    @EventHandler
    public void on(CompletionVerified event, DomainEventMessage<?> message) {
        record(event.commitmentId(), step(Kind.VERIFIED, null, message), message);
    }

    @EventHandler
    public void on(CommitmentReopened event, DomainEventMessage<?> message) {
        record(event.commitmentId(), step(Kind.REOPENED, null, message), message);
    }

    /** Pushes the step onto the commitment's document if there is one (no upsert) and it has not seen the event. */
    private void record(String commitmentId, Document step, DomainEventMessage<?> message) {
        write(List.of(VersionedWrites.update(commitmentId, message.getSequenceNumber(),
                new Document("$push", new Document("steps", step)))));
    }

    private static Document step(Kind kind, String key, DomainEventMessage<?> message) {
        return new Document("seq", message.getSequenceNumber())
                .append("at", StoredTime.instant(message.getTimestamp()))
                .append("kind", kind.name())
                .append("key", key);
    }

    static String key(String milestoneId) {
        return milestoneId == null ? FINAL : milestoneId;
    }

    @Override
    protected List<Bson> indexes() {
        return List.of(); // read whole: one document per commitment that was ever overdue
    }
}
