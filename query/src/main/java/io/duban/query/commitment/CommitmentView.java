package io.duban.query.commitment;

import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.ProgressFigure;
import io.duban.query.view.ActorRef;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** A commitment as the {@code commitments} view holds it (see {@link CommitmentsProjection} for the document). */
public record CommitmentView(
        String commitmentId, String policyId, int itemNumber, String unitId, String unitName,
        Responsible responsible, String roadmap, LocalDate startDate, LocalDate dueDate,
        List<MilestoneView> milestones, int progress, int reportedProgress, String progressNote,
        Instant progressReportedAt,
        CommitmentStatus status,
        List<PendingDeadlineChange> pendingDeadlineChanges, List<DecidedDeadlineChange> decidedDeadlineChanges,
        List<OpenIssue> openIssues, int resolvedIssues,
        CompletionClaim completionClaim, Verification verification, int reopenCount, Reopen lastReopen,
        FinalDueDateOverdue finalDueDateOverdue, Instant lastAcknowledgedAt, ActorRef lastAcknowledgedBy,
        Instant registeredAt, ActorRef registeredBy, Instant lastUpdatedAt, ActorRef lastActor, String lastChannel,
        String lastMessageId, long lastSequence,
        List<EscalationView> escalations, int urgeCount, Instant lastUrgedAt, ActorRef lastUrgedBy,
        String lastUrgeMessage) {

    public CommitmentView {
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    public record Responsible(String name, String position) {
    }

    /**
     * @param overdue        a due date of the milestone passed unmet and it is neither completed nor re-dated since
     * @param overdueSince   when the last missed due date was recorded as passed (kept once closed)
     * @param overdueDueDate the last missed due date (kept once closed)
     */
    public record MilestoneView(String milestoneId, String title, LocalDate dueDate, boolean completed,
                                Instant completedAt, String note, boolean overdue, Instant overdueSince,
                                LocalDate overdueDueDate) {
    }

    /**
     * The final due date passed with the commitment not done.
     *
     * @param open     still so: neither re-dated nor verified since
     * @param closedBy what closed it, null while open
     */
    public record FinalDueDateOverdue(LocalDate dueDate, Instant since, boolean open, FinalOverdueClosedBy closedBy) {
    }

    /**
     * A case of the escalation ladder (see {@link CommitmentsProjection}); ended cases stay with {@code open=false}.
     *
     * @param key         "final" for the final due date, otherwise the milestone id
     * @param milestoneId null for the final due date
     * @param ladder      the working days overdue after which the case climbs to level 2, 3, … (as recorded at start)
     * @param level       1 = overdue alert, 2 = unit leader alerted, 3 = leading-group office alerted
     * @param since       when the case opened; {@code levelSince} when it reached its current level
     * @param paused      a progress report or acknowledgement stopped the climb at the current level
     */
    public record EscalationView(String key, String milestoneId, LocalDate dueDate, List<Integer> ladder, int level,
                                 Instant since, Instant levelSince, boolean open, boolean paused, Instant pausedAt,
                                 String pauseReason, Instant endedAt, String endReason) {

        public EscalationView {
            ladder = ladder == null ? List.of() : List.copyOf(ladder);
        }
    }

    /** The open escalation cases, in the order they opened. */
    public List<EscalationView> openEscalations() {
        return escalations.stream().filter(EscalationView::open).toList();
    }

    /** {@code direction}: EXTENSION (延期, a later date) or ADVANCE (提前, an earlier one). */
    public record PendingDeadlineChange(String changeId, String milestoneId, LocalDate currentDueDate,
                                        LocalDate requestedDueDate, String direction, String reason,
                                        ActorRef requestedBy, Instant requestedAt) {
    }

    /** {@code requestedDueDate} is what was asked, approved or not; {@code newDueDate} only when approved. */
    public record DecidedDeadlineChange(String changeId, String milestoneId, String decision,
                                        LocalDate previousDueDate, LocalDate newDueDate, LocalDate requestedDueDate,
                                        String direction, String comment, String reason, ActorRef decidedBy,
                                        Instant decidedAt) {
    }

    public record OpenIssue(String issueId, String summary, String detail, ActorRef raisedBy, Instant raisedAt) {
    }

    public record CompletionClaim(String summary, ActorRef claimedBy, Instant claimedAt) {
    }

    public record Verification(String comment, ActorRef verifiedBy, Instant verifiedAt) {
    }

    public record Reopen(String reason, ActorRef reopenedBy, Instant reopenedAt) {
    }


    static CommitmentView from(Document d) {
        Document responsible = d.get("responsible", Document.class);
        return new CommitmentView(
                d.getString("_id"), d.getString("policyId"), d.getInteger("itemNumber", 0), d.getString("unitId"),
                d.getString("unitName"),
                responsible == null ? null : new Responsible(responsible.getString("name"), responsible.getString("position")),
                d.getString("roadmap"), StoredTime.date(d.get("startDate")), StoredTime.date(d.get("dueDate")),
                list(d, "milestones", m -> new MilestoneView(m.getString("milestoneId"), m.getString("title"),
                        StoredTime.date(m.get("dueDate")), m.getBoolean("completed", false),
                        StoredTime.instant(m.get("completedAt")), m.getString("note"), m.getBoolean("overdue", false),
                        StoredTime.instant(m.get("overdueSince")), StoredTime.date(m.get("overdueDueDate")))),
                ProgressFigure.shown(d.getInteger("progress", 0),
                        CommitmentStatus.valueOf(d.getString("status")) == CommitmentStatus.VERIFIED),
                d.getInteger("progress", 0), d.getString("progressNote"), StoredTime.instant(d.get("progressReportedAt")),
                CommitmentStatus.valueOf(d.getString("status")),
                list(d, "pendingDeadlineChanges", c -> new PendingDeadlineChange(c.getString("changeId"),
                        c.getString("milestoneId"), StoredTime.date(c.get("currentDueDate")),
                        StoredTime.date(c.get("requestedDueDate")), c.getString("direction"), c.getString("reason"),
                        ActorRef.from(c.get("requestedBy", Document.class)), StoredTime.instant(c.get("requestedAt")))),
                list(d, "decidedDeadlineChanges", c -> new DecidedDeadlineChange(c.getString("changeId"),
                        c.getString("milestoneId"), c.getString("decision"), StoredTime.date(c.get("previousDueDate")),
                        StoredTime.date(c.get("newDueDate")), StoredTime.date(c.get("requestedDueDate")),
                        c.getString("direction"), c.getString("comment"), c.getString("reason"),
                        ActorRef.from(c.get("decidedBy", Document.class)), StoredTime.instant(c.get("decidedAt")))),
                list(d, "openIssues", i -> new OpenIssue(i.getString("issueId"), i.getString("summary"),
                        i.getString("detail"), ActorRef.from(i.get("raisedBy", Document.class)),
                        StoredTime.instant(i.get("raisedAt")))),
                d.getInteger("resolvedIssues", 0),
                nested(d, "completionClaim", c -> new CompletionClaim(c.getString("summary"),
                        ActorRef.from(c.get("claimedBy", Document.class)), StoredTime.instant(c.get("claimedAt")))),
                nested(d, "verification", v -> new Verification(v.getString("comment"),
                        ActorRef.from(v.get("verifiedBy", Document.class)), StoredTime.instant(v.get("verifiedAt")))),
                d.getInteger("reopenCount", 0),
                nested(d, "lastReopen", r -> new Reopen(r.getString("reason"),
                        ActorRef.from(r.get("reopenedBy", Document.class)), StoredTime.instant(r.get("reopenedAt")))),
                nested(d, "finalDueDateOverdue", o -> new FinalDueDateOverdue(StoredTime.date(o.get("dueDate")),
                        StoredTime.instant(o.get("since")), o.getBoolean("open", false),
                        o.getString("closedBy") == null ? null : FinalOverdueClosedBy.valueOf(o.getString("closedBy")))),
                StoredTime.instant(d.get("lastAcknowledgedAt")), ActorRef.from(d.get("lastAcknowledgedBy", Document.class)),
                StoredTime.instant(d.get("registeredAt")), ActorRef.from(d.get("registeredBy", Document.class)),
                StoredTime.instant(d.get("lastUpdatedAt")), ActorRef.from(d.get("lastActor", Document.class)),
                d.getString("lastChannel"), d.getString("lastMessageId"), ((Number) d.get("lastSequence")).longValue(),
                list(d, "escalations", e -> new EscalationView(e.getString("key"), e.getString("milestoneId"),
                        StoredTime.date(e.get("dueDate")), e.getList("ladder", Integer.class, List.of()),
                        e.getInteger("level", 1), StoredTime.instant(e.get("since")),
                        StoredTime.instant(e.get("levelSince")), e.getBoolean("open", false),
                        e.getBoolean("paused", false), StoredTime.instant(e.get("pausedAt")),
                        e.getString("pauseReason"), StoredTime.instant(e.get("endedAt")), e.getString("endReason"))),
                d.getInteger("urgeCount", 0), StoredTime.instant(d.get("lastUrgedAt")),
                ActorRef.from(d.get("lastUrgedBy", Document.class)), d.getString("lastUrgeMessage"));
    }

    private static <T> List<T> list(Document d, String key, Function<Document, T> mapper) {
        return d.getList(key, Document.class, List.of()).stream().map(mapper).toList();
    }

    private static <T> T nested(Document d, String key, Function<Document, T> mapper) {
        Document nested = d.get(key, Document.class);
        return nested == null ? null : mapper.apply(nested);
    }
}
