package io.duban.query.commitment;

import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.Milestone;
import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.query.api.ActorRef;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.WriteModel;
import io.duban.query.api.commitment.FinalOverdueClosedBy;
import io.duban.query.view.ActorDocuments;
import io.duban.query.view.VersionedWrites;
import io.duban.query.view.StoredTime;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * The fields of a document of the {@value CommitmentsProjection#COLLECTION} view, as {@link CommitmentsProjection}
 * writes them and {@link CommitmentDocuments} reads them; one document per commitment, {@code _id} = commitmentId.
 * <pre>
 * { _id, policyId, itemNumber, unitId, unitName, responsible: {name, position}, roadmap,
 *   startDate, dueDate (yyyy-MM-dd),
 *   milestones: [{milestoneId, title, dueDate, completed, completedAt, note,
 *                 overdue, overdueSince (date), overdueDueDate}],
 *   progress, progressNote, progressReportedAt, status (OPEN | COMPLETION_CLAIMED | VERIFIED),
 *   pendingDeadlineChanges: [{changeId, milestoneId, currentDueDate, requestedDueDate, reason, requestedBy, requestedAt}],
 *   decidedDeadlineChanges: [{changeId, milestoneId, decision (APPROVED | REJECTED), previousDueDate, newDueDate,
 *                             comment, reason, decidedBy, decidedAt}],
 *   openIssues: [{issueId, summary, detail, raisedBy, raisedAt}], resolvedIssues,
 *   completionClaim: {summary, claimedBy, claimedAt} | null, verification: {comment, verifiedBy, verifiedAt} | null,
 *   reopenCount, lastReopen: {reason, reopenedBy, reopenedAt} | null,
 *   finalDueDateOverdue: {dueDate, since (date), open, closedBy (DEADLINE_CHANGED | VERIFIED | null)} | null,
 *   lastAcknowledgedAt, lastAcknowledgedBy: {userId, name, role} | null,
 *   registeredAt, registeredBy, lastUpdatedAt, lastActor: {userId, name, role}, lastChannel, lastMessageId,
 *   evidence: [{sha256, size, name, contentType, occasion, milestoneId, attachedAt, attachedBy}] (佐证材料, oldest
 *             first; the bytes are not here but in the event store's database),
 *   evidenceWaiver: {reason, waivedBy, waivedAt} | null,
 *   lastSequence }
 * </pre>
 * Overdue due dates (MilestoneBecameOverdue, recorded by the scheduler once per date that passed unmet):
 * <ul>
 *   <li>a milestone's {@code overdue} is the open flag: set by the event, cleared when the milestone is completed or
 *       an approved deadline change gives it a new date; {@code overdueSince} and {@code overdueDueDate} keep the last
 *       missed date as history;</li>
 *   <li>the final due date's record is open from the event until an approved change of the final due date
 *       ({@code DEADLINE_CHANGED}) or the office's verification ({@code VERIFIED}); reopening a verified commitment
 *       opens a record closed by the verification again, since the date it missed is still its due date.</li>
 * </ul>
 */
final class CommitmentFields {

    private CommitmentFields() {
    }

    /** Every field of a newly registered commitment, but the last change (who, when, which channel). */
    static Document registered(CommitmentRegistered event, DomainEventMessage<?> message) {
        return new Document("policyId", event.policyId())
                .append("itemNumber", event.itemNumber())
                .append("unitId", event.unitId())
                .append("unitName", event.unitName())
                .append("responsible", event.responsible() == null ? null
                        : new Document("name", event.responsible().name()).append("position", event.responsible().position()))
                .append("roadmap", event.roadmap())
                .append("startDate", StoredTime.date(event.startDate()))
                .append("dueDate", StoredTime.date(event.dueDate()))
                .append("milestones", milestones(event.milestones()))
                .append("progress", 0)
                .append("progressNote", null)
                .append("progressReportedAt", null)
                .append("status", CommitmentStatus.OPEN.name())
                .append("pendingDeadlineChanges", List.of())
                .append("decidedDeadlineChanges", List.of())
                .append("openIssues", List.of())
                .append("resolvedIssues", 0)
                .append("completionClaim", null)
                .append("verification", null)
                .append("reopenCount", 0)
                .append("lastReopen", null)
                .append("finalDueDateOverdue", null)
                .append("lastAcknowledgedAt", null)
                .append("lastAcknowledgedBy", null)
                .append("registeredAt", StoredTime.instant(message.getTimestamp()))
                .append("registeredBy", ActorDocuments.of(event.actor()));
    }

    static List<Document> milestones(List<Milestone> milestones) {
        return milestones == null ? List.of() : milestones.stream()
                .map(m -> new Document("milestoneId", m.milestoneId())
                        .append("title", m.title())
                        .append("dueDate", StoredTime.date(m.dueDate()))
                        .append("completed", false)
                        .append("completedAt", null)
                        .append("note", null)
                        .append("overdue", false)
                        .append("overdueSince", null)
                        .append("overdueDueDate", null))
                .toList();
    }

    /** EXTENSION (延期) to a later date, ADVANCE (提前) to an earlier one; null when a date is unknown. */
    static String direction(LocalDate current, LocalDate requested) {
        if (current == null || requested == null) {
            return null;
        }
        return requested.isBefore(current) ? "ADVANCE" : "EXTENSION";
    }

    static Document decided(String changeId, String milestoneId, String decision, Actor actor,
                                    DomainEventMessage<?> message) {
        return new Document("changeId", changeId)
                .append("milestoneId", milestoneId)
                .append("decision", decision)
                .append("decidedBy", ActorDocuments.of(actor))
                .append("decidedAt", StoredTime.instant(message.getTimestamp()));
    }

    /**
     * A case of the escalation ladder in the array "escalations": {key ("final" or the milestone id), milestoneId,
     * dueDate, ladder, level, since, levelSince, open, paused, pausedAt, pauseReason, endedAt, endReason}; ended cases
     * stay as history with open=false.
     */
    static Document escalationCase(EscalationStarted event, Date since) {
        return new Document("key", escalationKey(event.milestoneId())).append("milestoneId", event.milestoneId())
                .append("dueDate", StoredTime.date(event.dueDate())).append("ladder", event.ladder())
                .append("level", 1).append("since", since).append("levelSince", since).append("open", true)
                .append("paused", false).append("pausedAt", null).append("pauseReason", null)
                .append("endedAt", null).append("endReason", null);
    }

    static String escalationKey(String milestoneId) {
        return milestoneId == null ? "final" : milestoneId;
    }

    /** A deadline change waiting for the office, in the array "pendingDeadlineChanges". */
    static Document pendingChange(DeadlineChangeRequested event, Date requestedAt) {
        return new Document("changeId", event.changeId())
                .append("milestoneId", event.milestoneId())
                .append("currentDueDate", StoredTime.date(event.currentDueDate()))
                .append("requestedDueDate", StoredTime.date(event.requestedDueDate()))
                .append("direction", direction(event.currentDueDate(), event.requestedDueDate()))
                .append("reason", event.reason())
                .append("requestedBy", ActorDocuments.of(event.actor()))
                .append("requestedAt", requestedAt);
    }

    /** Closes an open record of the final due date's passing; precedes the event's own update (see updateIf). */
    static WriteModel<Document> closeFinalDueDateOverdue(String commitmentId, DomainEventMessage<?> message,
                                                         FinalOverdueClosedBy closedBy) {
        return VersionedWrites.updateIf(commitmentId, message.getSequenceNumber(),
                Filters.eq("finalDueDateOverdue.open", true),
                new Document("$set", new Document("finalDueDateOverdue.open", false)
                        .append("finalDueDateOverdue.closedBy", closedBy.name())));
    }

    /** The fields every event refreshes: when, who and through which channel the commitment last changed. */
    static Document lastChange(Actor actor, DomainEventMessage<?> message) {
        return new Document("lastUpdatedAt", StoredTime.instant(message.getTimestamp()))
                .append("lastActor", ActorDocuments.of(actor))
                .append("lastChannel", ActorRef.channelOf(actor))
                .append("lastMessageId", actor == null ? null : actor.messageId());
    }

    /** The entries of {@code evidence}, one per file. */
    static List<Document> evidence(EvidenceAttached event, Date attachedAt) {
        return event.files().stream().map(file -> new Document("sha256", file.sha256())
                .append("size", file.size())
                .append("name", file.name())
                .append("contentType", file.contentType())
                .append("occasion", event.occasion().name())
                .append("milestoneId", event.milestoneId())
                .append("attachedAt", attachedAt)
                .append("attachedBy", ActorDocuments.of(event.actor()))).toList();
    }
}
