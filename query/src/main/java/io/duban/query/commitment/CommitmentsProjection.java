package io.duban.query.commitment;

import io.duban.query.view.ActorDocuments;
import io.duban.query.api.commitment.FinalOverdueClosedBy;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.WriteModel;
import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.CommitmentUrged;
import io.duban.command.api.EscalationEnded;
import io.duban.command.api.EscalationPaused;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.evidence.CompletionEvidenceWaived;
import io.duban.command.api.evidence.EvidenceAttached;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.duban.query.commitment.CommitmentFields.lastChange;

/**
 * View {@value #COLLECTION}: one document per commitment, {@code _id} = commitmentId.
 * The document's fields are listed in {@link CommitmentFields}.
 * How overdue due dates open and close is told in {@link CommitmentFields}.
 * The scheduler's overdue events do not count as a change by someone: they leave {@code lastUpdatedAt},
 * {@code lastActor} and {@code lastChannel} alone. An acknowledgement of the alerts does count.
 * Every update is an explicit MongoDB update guarded by {@code lastSequence} (see {@link VersionedWrites}). Actors
 * are stored as {userId, name, role}; times as described in {@link StoredTime}.
 */
@Component
@ProcessingGroup(ProcessingGroups.COMMITMENTS)
public class CommitmentsProjection extends MongoView {

    public static final String COLLECTION = "commitments";

    public CommitmentsProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    public void on(CommitmentRegistered event, DomainEventMessage<?> message) {
        Document fields = CommitmentFields.registered(event, message);
        fields.putAll(lastChange(event.actor(), message));
        write(VersionedWrites.upsert(event.commitmentId(), message.getSequenceNumber(), fields));
    }

    @EventHandler
    public void on(ProgressReported event, DomainEventMessage<?> message) {
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message)
                .append("progress", event.percent())
                .append("progressNote", event.note())
                .append("progressReportedAt", StoredTime.instant(message.getTimestamp()))));
    }

    @EventHandler
    public void on(MilestoneCompleted event, DomainEventMessage<?> message) {
        Document set = lastChange(event.actor(), message)
                .append("milestones.$[m].completed", true)
                .append("milestones.$[m].completedAt", StoredTime.instant(message.getTimestamp()))
                .append("milestones.$[m].note", event.note())
                .append("milestones.$[m].overdue", false);
        write(List.of(VersionedWrites.update(event.commitmentId(), message.getSequenceNumber(),
                new Document("$set", set), milestone(event.milestoneId()))));
    }

    @EventHandler
    public void on(MilestoneBecameOverdue event, DomainEventMessage<?> message) {
        Date since = StoredTime.instant(message.getTimestamp());
        if (event.milestoneId() == null) {
            update(event.commitmentId(), message, new Document("$set", new Document("finalDueDateOverdue",
                    new Document("dueDate", StoredTime.date(event.dueDate()))
                            .append("since", since)
                            .append("open", true)
                            .append("closedBy", null))));
            return;
        }
        Document set = new Document("milestones.$[m].overdue", true)
                .append("milestones.$[m].overdueSince", since)
                .append("milestones.$[m].overdueDueDate", StoredTime.date(event.dueDate()));
        write(List.of(VersionedWrites.update(event.commitmentId(), message.getSequenceNumber(),
                new Document("$set", set), milestone(event.milestoneId()))));
    }

    /* The escalation ladder's cases (see CommitmentFields.escalationCase); scheduler events leave lastActor alone. */
    @EventHandler
    public void on(EscalationStarted event, DomainEventMessage<?> message) {
        update(event.commitmentId(), message, new Document("$push", new Document("escalations",
                CommitmentFields.escalationCase(event, StoredTime.instant(message.getTimestamp())))));
    }

    @EventHandler
    public void on(EscalationRaised event, DomainEventMessage<?> message) {
        escalation(event.commitmentId(), event.milestoneId(), event.dueDate(), message, new Document(
                "escalations.$[e].level", event.level())
                .append("escalations.$[e].levelSince", StoredTime.instant(message.getTimestamp())));
    }

    @EventHandler
    public void on(EscalationPaused event, DomainEventMessage<?> message) {
        escalation(event.commitmentId(), event.milestoneId(), event.dueDate(), message, new Document(
                "escalations.$[e].paused", true)
                .append("escalations.$[e].pausedAt", StoredTime.instant(message.getTimestamp()))
                .append("escalations.$[e].pauseReason", event.reason().name()));
    }

    @EventHandler
    public void on(EscalationEnded event, DomainEventMessage<?> message) {
        escalation(event.commitmentId(), event.milestoneId(), event.dueDate(), message, new Document(
                "escalations.$[e].open", false)
                .append("escalations.$[e].endedAt", StoredTime.instant(message.getTimestamp()))
                .append("escalations.$[e].endReason", event.reason().name()));
    }

    @EventHandler
    public void on(CommitmentUrged event, DomainEventMessage<?> message) {
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message)
                .append("lastUrgedAt", StoredTime.instant(message.getTimestamp()))
                .append("lastUrgedBy", ActorDocuments.of(event.actor()))
                .append("lastUrgeMessage", event.message())).append("$inc", new Document("urgeCount", 1)));
    }

    private void escalation(String commitmentId, String milestoneId, LocalDate dueDate,
                            DomainEventMessage<?> message, Document set) {
        write(List.of(VersionedWrites.update(commitmentId, message.getSequenceNumber(), new Document("$set", set),
                List.of(new Document("e.key", CommitmentFields.escalationKey(milestoneId))
                        .append("e.dueDate", StoredTime.date(dueDate))))));
    }

    @EventHandler
    public void on(AlertAcknowledged event, DomainEventMessage<?> message) {
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message)
                .append("lastAcknowledgedAt", StoredTime.instant(message.getTimestamp()))
                .append("lastAcknowledgedBy", ActorDocuments.of(event.actor()))));
    }

    private static List<Bson> milestone(String milestoneId) {
        return List.of(Filters.eq("m.milestoneId", milestoneId));
    }

    @EventHandler
    public void on(DeadlineChangeRequested event, DomainEventMessage<?> message) {
        Document pending = CommitmentFields.pendingChange(event, StoredTime.instant(message.getTimestamp()));
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message))
                .append("$push", new Document("pendingDeadlineChanges", pending)));
    }

    @EventHandler
    public void on(DeadlineChangeApproved event, DomainEventMessage<?> message) {
        Document decided = CommitmentFields.decided(event.changeId(), event.milestoneId(), "APPROVED", event.actor(), message)
                .append("previousDueDate", StoredTime.date(event.previousDueDate()))
                .append("newDueDate", StoredTime.date(event.newDueDate()))
                .append("requestedDueDate", StoredTime.date(event.newDueDate()))
                .append("direction", CommitmentFields.direction(event.previousDueDate(), event.newDueDate()))
                .append("comment", event.comment())
                .append("reason", null);
        Document set = lastChange(event.actor(), message);
        List<Bson> arrayFilters = List.of();
        List<WriteModel<Document>> writes = new ArrayList<>();
        if (event.milestoneId() == null) {
            set.append("dueDate", StoredTime.date(event.newDueDate()));
            writes.add(CommitmentFields.closeFinalDueDateOverdue(event.commitmentId(), message, FinalOverdueClosedBy.DEADLINE_CHANGED));
        } else {
            set.append("milestones.$[m].dueDate", StoredTime.date(event.newDueDate()))
                    .append("milestones.$[m].overdue", false);
            arrayFilters = milestone(event.milestoneId());
        }
        writes.add(VersionedWrites.update(event.commitmentId(), message.getSequenceNumber(),
                new Document("$set", set)
                        .append("$pull", new Document("pendingDeadlineChanges", new Document("changeId", event.changeId())))
                        .append("$push", new Document("decidedDeadlineChanges", decided)),
                arrayFilters));
        write(writes);
    }

    @EventHandler
    public void on(DeadlineChangeRejected event, DomainEventMessage<?> message) {
        Document decided = CommitmentFields.decided(event.changeId(), event.milestoneId(), "REJECTED", event.actor(), message)
                .append("previousDueDate", StoredTime.date(event.currentDueDate()))
                .append("newDueDate", null)
                .append("requestedDueDate", StoredTime.date(event.requestedDueDate()))
                .append("direction", CommitmentFields.direction(event.currentDueDate(), event.requestedDueDate()))
                .append("comment", null)
                .append("reason", event.reason());
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message))
                .append("$pull", new Document("pendingDeadlineChanges", new Document("changeId", event.changeId())))
                .append("$push", new Document("decidedDeadlineChanges", decided)));
    }

    @EventHandler
    public void on(MajorIssueRaised event, DomainEventMessage<?> message) {
        Document issue = new Document("issueId", event.issueId())
                .append("summary", event.summary())
                .append("detail", event.detail())
                .append("raisedBy", ActorDocuments.of(event.actor()))
                .append("raisedAt", StoredTime.instant(message.getTimestamp()));
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message))
                .append("$push", new Document("openIssues", issue)));
    }

    @EventHandler
    public void on(MajorIssueResolved event, DomainEventMessage<?> message) {
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message))
                .append("$pull", new Document("openIssues", new Document("issueId", event.issueId())))
                .append("$inc", new Document("resolvedIssues", 1)));
    }

    @EventHandler
    public void on(CompletionClaimed event, DomainEventMessage<?> message) {
        Document claim = new Document("summary", event.summary())
                .append("claimedBy", ActorDocuments.of(event.actor()))
                .append("claimedAt", StoredTime.instant(message.getTimestamp()));
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message)
                .append("status", CommitmentStatus.COMPLETION_CLAIMED.name())
                .append("completionClaim", claim)
                .append("verification", null)));
    }

    @EventHandler
    public void on(CompletionVerified event, DomainEventMessage<?> message) {
        Document verification = new Document("comment", event.comment())
                .append("verifiedBy", ActorDocuments.of(event.actor()))
                .append("verifiedAt", StoredTime.instant(message.getTimestamp()));
        write(List.of(CommitmentFields.closeFinalDueDateOverdue(event.commitmentId(), message, FinalOverdueClosedBy.VERIFIED),
                VersionedWrites.update(event.commitmentId(), message.getSequenceNumber(),
                        new Document("$set", lastChange(event.actor(), message)
                                .append("status", CommitmentStatus.VERIFIED.name())
                                .append("verification", verification)))));
    }

    @EventHandler
    public void on(CommitmentReopened event, DomainEventMessage<?> message) {
        Document reopen = new Document("reason", event.reason())
                .append("reopenedBy", ActorDocuments.of(event.actor()))
                .append("reopenedAt", StoredTime.instant(message.getTimestamp()));
        WriteModel<Document> reopenOverdue = VersionedWrites.updateIf(event.commitmentId(), message.getSequenceNumber(),
                Filters.eq("finalDueDateOverdue.closedBy", FinalOverdueClosedBy.VERIFIED.name()),
                new Document("$set", new Document("finalDueDateOverdue.open", true)
                        .append("finalDueDateOverdue.closedBy", null)));
        write(List.of(reopenOverdue, VersionedWrites.update(event.commitmentId(), message.getSequenceNumber(),
                new Document("$set", lastChange(event.actor(), message)
                        .append("status", CommitmentStatus.OPEN.name())
                        .append("completionClaim", null)
                        .append("verification", null)
                        .append("lastReopen", reopen))
                        .append("$inc", new Document("reopenCount", 1)))));
    }

    @EventHandler
    public void on(EvidenceAttached event, DomainEventMessage<?> message) {
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message))
                .append("$push", new Document("evidence", new Document("$each", CommitmentFields.evidence(event,
                        StoredTime.instant(message.getTimestamp()))))));
    }

    @EventHandler
    public void on(CompletionEvidenceWaived event, DomainEventMessage<?> message) {
        update(event.commitmentId(), message, new Document("$set", lastChange(event.actor(), message)
                .append("evidenceWaiver", new Document("reason", event.reason())
                        .append("waivedBy", ActorDocuments.of(event.actor()))
                        .append("waivedAt", StoredTime.instant(message.getTimestamp())))));
    }

    private void update(String commitmentId, DomainEventMessage<?> message, Document operators) {
        write(List.of(VersionedWrites.update(commitmentId, message.getSequenceNumber(), operators)));
    }

    @Override
    protected List<Bson> indexes() {
        // the last two serve the overdue list (CommitmentReader.findPossiblyOverdue): final and milestone due dates
        return List.of(Indexes.ascending("policyId", "itemNumber"), Indexes.ascending("unitId"),
                Indexes.ascending("status", "dueDate"), Indexes.ascending("milestones.dueDate"));
    }
}
