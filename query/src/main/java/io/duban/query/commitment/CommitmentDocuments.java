package io.duban.query.commitment;

import io.duban.command.api.ProgressFigure;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.evidence.EvidenceOccasion;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.FinalOverdueClosedBy;
import io.duban.query.view.ActorDocuments;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.util.List;
import java.util.function.Function;

/** Reads a {@link CommitmentView} from the document {@link CommitmentsProjection} writes. */
final class CommitmentDocuments {

    private CommitmentDocuments() {
    }

    static CommitmentView view(Document d) {
        Document responsible = d.get("responsible", Document.class);
        return new CommitmentView(
                d.getString("_id"), d.getString("policyId"), d.getInteger("itemNumber", 0), d.getString("unitId"),
                d.getString("unitName"),
                responsible == null ? null : new CommitmentView.Responsible(responsible.getString("name"), responsible.getString("position")),
                d.getString("roadmap"), StoredTime.date(d.get("startDate")), StoredTime.date(d.get("dueDate")),
                list(d, "milestones", m -> new CommitmentView.MilestoneView(m.getString("milestoneId"), m.getString("title"),
                        StoredTime.date(m.get("dueDate")), m.getBoolean("completed", false),
                        StoredTime.instant(m.get("completedAt")), m.getString("note"), m.getBoolean("overdue", false),
                        StoredTime.instant(m.get("overdueSince")), StoredTime.date(m.get("overdueDueDate")))),
                ProgressFigure.shown(d.getInteger("progress", 0),
                        CommitmentStatus.valueOf(d.getString("status")) == CommitmentStatus.VERIFIED),
                d.getInteger("progress", 0), d.getString("progressNote"), StoredTime.instant(d.get("progressReportedAt")),
                CommitmentStatus.valueOf(d.getString("status")),
                list(d, "pendingDeadlineChanges", c -> new CommitmentView.PendingDeadlineChange(c.getString("changeId"),
                        c.getString("milestoneId"), StoredTime.date(c.get("currentDueDate")),
                        StoredTime.date(c.get("requestedDueDate")), c.getString("direction"), c.getString("reason"),
                        ActorDocuments.ref(c.get("requestedBy", Document.class)), StoredTime.instant(c.get("requestedAt")))),
                list(d, "decidedDeadlineChanges", c -> new CommitmentView.DecidedDeadlineChange(c.getString("changeId"),
                        c.getString("milestoneId"), c.getString("decision"), StoredTime.date(c.get("previousDueDate")),
                        StoredTime.date(c.get("newDueDate")), StoredTime.date(c.get("requestedDueDate")),
                        c.getString("direction"), c.getString("comment"), c.getString("reason"),
                        ActorDocuments.ref(c.get("decidedBy", Document.class)), StoredTime.instant(c.get("decidedAt")))),
                list(d, "openIssues", i -> new CommitmentView.OpenIssue(i.getString("issueId"), i.getString("summary"),
                        i.getString("detail"), ActorDocuments.ref(i.get("raisedBy", Document.class)),
                        StoredTime.instant(i.get("raisedAt")))),
                d.getInteger("resolvedIssues", 0),
                nested(d, "completionClaim", c -> new CommitmentView.CompletionClaim(c.getString("summary"),
                        ActorDocuments.ref(c.get("claimedBy", Document.class)), StoredTime.instant(c.get("claimedAt")))),
                nested(d, "verification", v -> new CommitmentView.Verification(v.getString("comment"),
                        ActorDocuments.ref(v.get("verifiedBy", Document.class)), StoredTime.instant(v.get("verifiedAt")))),
                d.getInteger("reopenCount", 0),
                nested(d, "lastReopen", r -> new CommitmentView.Reopen(r.getString("reason"),
                        ActorDocuments.ref(r.get("reopenedBy", Document.class)), StoredTime.instant(r.get("reopenedAt")))),
                nested(d, "finalDueDateOverdue", o -> new CommitmentView.FinalDueDateOverdue(StoredTime.date(o.get("dueDate")),
                        StoredTime.instant(o.get("since")), o.getBoolean("open", false),
                        o.getString("closedBy") == null ? null : FinalOverdueClosedBy.valueOf(o.getString("closedBy")))),
                StoredTime.instant(d.get("lastAcknowledgedAt")), ActorDocuments.ref(d.get("lastAcknowledgedBy", Document.class)),
                StoredTime.instant(d.get("registeredAt")), ActorDocuments.ref(d.get("registeredBy", Document.class)),
                StoredTime.instant(d.get("lastUpdatedAt")), ActorDocuments.ref(d.get("lastActor", Document.class)),
                d.getString("lastChannel"), d.getString("lastMessageId"), ((Number) d.get("lastSequence")).longValue(),
                list(d, "escalations", e -> new CommitmentView.EscalationView(e.getString("key"), e.getString("milestoneId"),
                        StoredTime.date(e.get("dueDate")), e.getList("ladder", Integer.class, List.of()),
                        e.getInteger("level", 1), StoredTime.instant(e.get("since")),
                        StoredTime.instant(e.get("levelSince")), e.getBoolean("open", false),
                        e.getBoolean("paused", false), StoredTime.instant(e.get("pausedAt")),
                        e.getString("pauseReason"), StoredTime.instant(e.get("endedAt")), e.getString("endReason"))),
                d.getInteger("urgeCount", 0), StoredTime.instant(d.get("lastUrgedAt")),
                ActorDocuments.ref(d.get("lastUrgedBy", Document.class)), d.getString("lastUrgeMessage"),
                list(d, "evidence", e -> new CommitmentView.EvidenceView(e.getString("sha256"),
                        ((Number) e.get("size")).longValue(), e.getString("name"), e.getString("contentType"),
                        EvidenceOccasion.valueOf(e.getString("occasion")), e.getString("milestoneId"),
                        StoredTime.instant(e.get("attachedAt")), ActorDocuments.ref(e.get("attachedBy", Document.class)))),
                nested(d, "evidenceWaiver", w -> new CommitmentView.EvidenceWaiver(w.getString("reason"),
                        ActorDocuments.ref(w.get("waivedBy", Document.class)), StoredTime.instant(w.get("waivedAt")))));
    }

    private static <T> List<T> list(Document d, String key, Function<Document, T> mapper) {
        return d.getList(key, Document.class, List.of()).stream().map(mapper).toList();
    }

    private static <T> T nested(Document d, String key, Function<Document, T> mapper) {
        Document nested = d.get(key, Document.class);
        return nested == null ? null : mapper.apply(nested);
    }
}
