package io.duban.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ProgressReported;
import io.duban.query.ProcessingGroups;
import io.duban.query.view.ActorRef;
import io.duban.query.view.MongoView;
import io.duban.query.view.StoredTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * View {@value #COLLECTION}: one document per event, {@code _id} = the event's identifier.
 * <pre>
 * { _id, aggregateId, kind (policy | commitment), policyId, itemNumber, unitId, sequence, type, at (date),
 *   actor: {userId, name, role}, channel, messageId, summary }
 * </pre>
 * Each entry is written whole with a replace-by-id upsert, so handling an event twice writes the same document.
 * For commitment events, policy, item and unit come from the commitment's registration ({@link CommitmentKeys}).
 */
@Component
@ProcessingGroup(ProcessingGroups.TIMELINE)
public class TimelineProjection extends MongoView {

    public static final String COLLECTION = "timeline";
    static final String POLICY = "policy";
    static final String COMMITMENT = "commitment";

    private final CommitmentKeys keys;

    public TimelineProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
        this.keys = new CommitmentKeys(mongo, COLLECTION);
    }

    @EventHandler
    public void on(PolicyImported e, DomainEventMessage<?> m) {
        record(m, POLICY, new CommitmentKeys.Key(e.policyId(), null, null), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(CommitmentRegistered e, DomainEventMessage<?> m) {
        CommitmentKeys.Key key = new CommitmentKeys.Key(e.policyId(), e.itemNumber(), e.unitId());
        keys.remember(e.commitmentId(), key);
        record(m, COMMITMENT, key, e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(ProgressReported e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(MilestoneCompleted e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(DeadlineChangeRequested e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(DeadlineChangeApproved e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(DeadlineChangeRejected e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(MajorIssueRaised e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
    }

    @EventHandler
    public void on(MajorIssueResolved e, DomainEventMessage<?> m) {
        commitment(m, e.commitmentId(), e.actor(), TimelineSummaries.of(e));
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

    private void commitment(DomainEventMessage<?> message, String commitmentId, Actor actor, String summary) {
        record(message, COMMITMENT, keys.of(commitmentId), actor, summary);
    }

    private void record(DomainEventMessage<?> message, String kind, CommitmentKeys.Key key, Actor actor, String summary) {
        Document entry = new Document("_id", message.getIdentifier())
                .append("aggregateId", message.getAggregateIdentifier())
                .append("kind", kind)
                .append("policyId", key.policyId())
                .append("itemNumber", key.itemNumber())
                .append("unitId", key.unitId())
                .append("sequence", message.getSequenceNumber())
                .append("type", message.getPayloadType().getSimpleName())
                .append("at", StoredTime.instant(message.getTimestamp()))
                .append("actor", ActorRef.of(actor).toDocument())
                .append("channel", actor == null || actor.channel() == null ? null : actor.channel().name())
                .append("messageId", actor == null ? null : actor.messageId())
                .append("summary", summary);
        write(List.of(new ReplaceOneModel<>(Filters.eq("_id", message.getIdentifier()), entry,
                new ReplaceOptions().upsert(true))));
    }

    @Override
    protected void beforeReset() {
        keys.forgetAll();
    }

    @Override
    protected List<Bson> indexes() {
        return List.of(Indexes.ascending("aggregateId", "sequence"), Indexes.ascending("policyId", "itemNumber", "at"),
                Indexes.ascending("unitId", "at"));
    }
}
