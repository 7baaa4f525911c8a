package io.duban.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.duban.command.api.Actor;
import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.evidence.CompletionEvidenceWaived;
import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ProgressReported;
import io.duban.query.ProcessingGroups;
import io.duban.query.view.MongoView;
import io.duban.query.view.StoredTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * View {@value #COLLECTION}: one document per event, {@code _id} = the event's identifier.
 * <pre>
 * { _id, aggregateId, kind (policy | commitment | official), policyId, itemNumber, unitId, sequence, type,
 *   at (date), actor: {userId, name, role}, channel, messageId, summary,
 *   milestones: [{milestoneId, title}]                        (CommitmentRegistered only)
 *   facts: {...}     what the audit report folds into the state after each step (commitment kind only):
 *     CommitmentRegistered {startDate, dueDate, milestones: [{milestoneId, dueDate}]}, ProgressReported {percent,
 *     previousPercent}, MilestoneCompleted {milestoneId}, DeadlineChangeApproved {milestoneId, previousDueDate,
 *     newDueDate}, MajorIssueRaised/Resolved {issueId}, MilestoneBecameOverdue {milestoneId, key, dueDate},
 *     Escalation* {milestoneId, key (milestone id or final), dueDate, level}, EvidenceAttached {occasion,
 *     milestoneId, files: [{sha256, name, size}]}
 *   official: {action (APPOINTED | CHANGED | REAPPOINTED | REMOVED), name, role, unitIds, reason}
 *                                                             (kind official only) }
 * </pre>
 * Each entry is written whole with a replace-by-id upsert, so handling an event twice writes the same document.
 * For commitment events, policy, item, unit and milestone titles come from the commitment's registration
 * ({@link CommitmentKeys}); for a directory event, the person's earlier name and standing from their earlier
 * entries ({@link OfficialStates}). Directory entries have aggregateId = userId and no policy, item or unit; their
 * stored summary names units by id, and {@link TimelineQueries} words it again with the names of the units view
 * (a name from another view is never written here).
 */
@Component
@ProcessingGroup(ProcessingGroups.TIMELINE)
public class TimelineProjection extends MongoView {

    public static final String COLLECTION = "timeline";
    static final String POLICY = "policy";
    static final String COMMITMENT = "commitment";
    static final String OFFICIAL = "official";
    static final String MILESTONES = "milestones";
    static final String OFFICIAL_DETAILS = "official";
    static final String FACTS = "facts";

    private final CommitmentKeys keys;
    private final OfficialStates officials;

    public TimelineProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
        this.keys = new CommitmentKeys(this::collection);
        this.officials = new OfficialStates(this::collection);
    }

    @EventHandler
    public void on(PolicyImported e, DomainEventMessage<?> m) {
        write(m, TimelineEntries.entry(m, POLICY, new CommitmentKeys.Key(e.policyId(), null, null, Map.of()), e.actor(),
                TimelineSummaries.of(e)));
    }

    @EventHandler
    public void on(CommitmentRegistered e, DomainEventMessage<?> m) {
        Map<String, String> titles = new LinkedHashMap<>();
        List<Milestone> milestones = e.milestones() == null ? List.of() : e.milestones();
        milestones.forEach(milestone -> titles.put(milestone.milestoneId(), milestone.title()));
        CommitmentKeys.Key key = new CommitmentKeys.Key(e.policyId(), e.itemNumber(), e.unitId(), titles);
        keys.remember(e.commitmentId(), key);
        write(m, TimelineEntries.entry(m, COMMITMENT, key, e.actor(), TimelineSummaries.of(e))
                .append(MILESTONES, milestones.stream()
                        .map(milestone -> new Document("milestoneId", milestone.milestoneId())
                                .append("title", milestone.title()))
                        .toList())
                .append(FACTS, new Document("startDate", StoredTime.date(e.startDate()))
                        .append("dueDate", StoredTime.date(e.dueDate()))
                        .append("milestones", milestones.stream()
                                .map(milestone -> new Document("milestoneId", milestone.milestoneId())
                                        .append("dueDate", StoredTime.date(milestone.dueDate())))
                                .toList())));
    }

    @EventHandler
    public void on(ProgressReported e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e),
                new Document("percent", e.percent()).append("previousPercent", e.previousPercent()));
    }

    @EventHandler
    public void on(EvidenceAttached e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e), new Document("occasion", e.occasion().name())
                .append("milestoneId", e.milestoneId()).append("files", e.files().stream().map(f -> new Document(
                        "sha256", f.sha256()).append("name", f.name()).append("size", f.size())).toList()));
    }

    @EventHandler
    public void on(CompletionEvidenceWaived e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(MilestoneCompleted e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e), new Document("milestoneId", e.milestoneId()));
    }

    @EventHandler
    public void on(DeadlineChangeRequested e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(DeadlineChangeApproved e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e), new Document("milestoneId", e.milestoneId())
                .append("previousDueDate", StoredTime.date(e.previousDueDate()))
                .append("newDueDate", StoredTime.date(e.newDueDate())));
    }

    @EventHandler
    public void on(DeadlineChangeRejected e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(MajorIssueRaised e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e), new Document("issueId", e.issueId()));
    }

    @EventHandler
    public void on(MajorIssueResolved e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e), new Document("issueId", e.issueId()));
    }

    @EventHandler
    public void on(CompletionClaimed e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(CompletionVerified e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(CommitmentReopened e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(MilestoneBecameOverdue e, DomainEventMessage<?> m) {
        CommitmentKeys.Key key = keys.of(e.commitmentId());
        write(m, TimelineEntries.entry(m, COMMITMENT, key, e.actor(), TimelineSummaries.of(e, key.milestoneTitle(e.milestoneId())))
                .append(FACTS, escalationFacts(e.milestoneId(), e.dueDate(), null)));
    }

    // reminders, the escalation ladder and urging
    @EventHandler
    public void on(io.duban.command.api.DueDateApproaching e, DomainEventMessage<?> m) {
        milestoneEntry(m, e.commitmentId(), e.actor(), t -> TimelineSummaries.of(e, t.milestoneTitle(e.milestoneId())),
                new Document("milestoneId", e.milestoneId()));
    }

    @EventHandler
    public void on(io.duban.command.api.EscalationStarted e, DomainEventMessage<?> m) {
        milestoneEntry(m, e.commitmentId(), e.actor(), t -> TimelineSummaries.of(e, t.milestoneTitle(e.milestoneId())),
                escalationFacts(e.milestoneId(), e.dueDate(), 1));
    }

    @EventHandler
    public void on(io.duban.command.api.EscalationRaised e, DomainEventMessage<?> m) {
        milestoneEntry(m, e.commitmentId(), e.actor(), t -> TimelineSummaries.of(e, t.milestoneTitle(e.milestoneId())),
                escalationFacts(e.milestoneId(), e.dueDate(), e.level()));
    }

    @EventHandler
    public void on(io.duban.command.api.EscalationPaused e, DomainEventMessage<?> m) {
        milestoneEntry(m, e.commitmentId(), e.actor(), t -> TimelineSummaries.of(e, t.milestoneTitle(e.milestoneId())),
                escalationFacts(e.milestoneId(), e.dueDate(), e.level()));
    }

    @EventHandler
    public void on(io.duban.command.api.EscalationEnded e, DomainEventMessage<?> m) {
        milestoneEntry(m, e.commitmentId(), e.actor(), t -> TimelineSummaries.of(e, t.milestoneTitle(e.milestoneId())),
                escalationFacts(e.milestoneId(), e.dueDate(), e.level()));
    }

    @EventHandler
    public void on(io.duban.command.api.CommitmentUrged e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    private void milestoneEntry(DomainEventMessage<?> m, String commitmentId, Actor actor,
                                java.util.function.Function<CommitmentKeys.Key, String> summary, Document facts) {
        CommitmentKeys.Key key = keys.of(commitmentId);
        write(m, TimelineEntries.entry(m, COMMITMENT, key, actor, summary.apply(key)).append(FACTS, facts));
    }

    /** {@code key} = milestone id or {@code final}, as the commitments view matches escalation cases. */
    private static Document escalationFacts(String milestoneId, java.time.LocalDate dueDate, Integer level) {
        Document facts = new Document("milestoneId", milestoneId)
                .append("key", milestoneId == null ? "final" : milestoneId)
                .append("dueDate", StoredTime.date(dueDate));
        return level == null ? facts : facts.append("level", level);
    }

    @EventHandler
    public void on(AlertAcknowledged e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(OfficialAppointed e, DomainEventMessage<?> m) {
        OfficialStates.State before = officials.before(e.userId(), m.getSequenceNumber());
        DirectoryAction action = before == null ? DirectoryAction.APPOINTED
                : before.active() ? DirectoryAction.CHANGED : DirectoryAction.REAPPOINTED;
        officials.remember(e.userId(), new OfficialStates.State(m.getSequenceNumber(), e.name(), true));
        official(m, e.actor(), new DirectoryDetails(action, e.name(), e.role(),
                e.unitIds() == null ? List.of() : e.unitIds(), null));
    }

    @EventHandler
    public void on(OfficialRemoved e, DomainEventMessage<?> m) {
        OfficialStates.State before = officials.before(e.userId(), m.getSequenceNumber());
        String name = before == null ? null : before.name();
        officials.remember(e.userId(), new OfficialStates.State(m.getSequenceNumber(), name, false));
        official(m, e.actor(), new DirectoryDetails(DirectoryAction.REMOVED, name, null, null, e.reason()));
    }

    private void commitment(DomainEventMessage<?> message, String commitmentId, Actor actor, String summary) {
        write(message, TimelineEntries.entry(message, COMMITMENT, keys.of(commitmentId), actor, summary));
    }

    private void commitment(DomainEventMessage<?> message, String commitmentId, Actor actor, String summary,
                            Document facts) {
        write(message, TimelineEntries.entry(message, COMMITMENT, keys.of(commitmentId), actor, summary).append(FACTS, facts));
    }

    /** Stored with unit ids for names; the read side words the summary again with the units' names. */
    private void official(DomainEventMessage<?> message, Actor actor, DirectoryDetails details) {
        write(message, TimelineEntries.entry(message, OFFICIAL, CommitmentKeys.Key.NONE, actor, TimelineSummaries.of(details, id -> id))
                .append(OFFICIAL_DETAILS, details.toDocument()));
    }

    private void write(DomainEventMessage<?> message, Document entry) {
        write(List.of(new ReplaceOneModel<>(Filters.eq("_id", message.getIdentifier()), entry,
                new ReplaceOptions().upsert(true))));
    }

    @Override
    protected void beforeReset() {
        keys.forgetAll();
        officials.forgetAll();
    }

    @Override
    protected List<Bson> indexes() {
        // subjects of FindTimeline (aggregate, item, unit, person) and the time range; type and channel narrow the
        // entries of one subject, so they ride along in the subject's index scan except for the quarter's export
        return List.of(Indexes.ascending("aggregateId", "sequence"), Indexes.ascending("policyId", "itemNumber", "at"),
                Indexes.ascending("unitId", "at"), Indexes.ascending("actor.userId", "at"), Indexes.ascending("at"),
                Indexes.ascending("type", "at"), Indexes.ascending("channel", "at"));
    }
}
