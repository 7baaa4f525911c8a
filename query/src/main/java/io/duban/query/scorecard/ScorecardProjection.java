package io.duban.query.scorecard;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.dispatch.CommitmentsJoinedDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * View {@value #COLLECTION}: the facts the scorecard (考核评价) sums, one document per unit and policy and one per
 * dispatch round, so any period is summed from these documents, never from the commitments.
 * <pre>
 * { _id: "unit:" + unitId + "~" + policyId, unitId, policyId,
 *   milestones: { "&lt;commitment&gt;~M1": {commitmentId, milestoneId, dueDate (yyyy-MM-dd, after approved changes),
 *                                      completedAt (date), seq} },
 *   reports:    { "&lt;round&gt;~&lt;commitment&gt;": {roundId, commitmentId, joinedAt (when the round listed it),
 *                                             reportedAt, late (as the round judged it), seq} },
 *   changes:    { "&lt;commitment&gt;~D1": {commitmentId, changeId, requestedAt, decision (APPROVED | REJECTED), decidedAt, seq} },
 *   issues:     { "&lt;commitment&gt;~I1": {commitmentId, issueId, raisedAt, resolvedAt, seq} } }
 * { _id: "round:" + roundId, roundId, reportDeadline, quarterStart, quarterEnd, closed, lastSequence }
 * </pre>
 * A commitment's dots become {@code ~} in the keys (a dot would be a path). Per unit and policy, not per unit: every
 * update rewrites its whole document (the embedded server clones, re-encodes and compares it each time), and a unit's
 * document grew with all its commitments, milestones and reports of every round — O(n²) over a year of 10,000
 * commitments. A policy bounds it by its items. {@link ScorecardQueries} merges a unit's documents (a unit's single
 * document written before, {@code _id: "unit:" + unitId}, merges the same way). A unit document is fed by many aggregates,
 * so one {@code lastSequence} per document cannot guard it: every entry is fed by one aggregate (a commitment's, or a
 * round's for reports) and carries that aggregate's sequence in {@code seq}, and an event changes an entry only when
 * the entry has not seen its sequence — the {@link VersionedWrites} rule at entry level. A round document is fed by its
 * round alone and uses {@link VersionedWrites} as it is. Nothing here depends on the wall clock: on time, late and
 * missing are decided when read.
 */
@Component
@ProcessingGroup(ProcessingGroups.SCORECARD)
public class ScorecardProjection extends MongoView {

    public static final String COLLECTION = "scorecard";
    static final String UNIT_PREFIX = "unit:";
    static final String ROUND_PREFIX = "round:";

    public ScorecardProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    public void on(CommitmentRegistered event, DomainEventMessage<?> message) {
        List<WriteModel<Document>> writes = new ArrayList<>(unit(event.commitmentId()));
        for (Milestone milestone : event.milestones()) {
            writes.add(entry(event.commitmentId(), "milestones", key(event.commitmentId(), milestone.milestoneId()),
                    message.getSequenceNumber(), Map.of("commitmentId", event.commitmentId(),
                            "milestoneId", milestone.milestoneId(), "dueDate", StoredTime.date(milestone.dueDate()))));
        }
        write(writes);
    }

    @EventHandler
    public void on(MilestoneCompleted event, DomainEventMessage<?> message) {
        write(List.of(entry(event.commitmentId(), "milestones", key(event.commitmentId(), event.milestoneId()),
                message.getSequenceNumber(), Map.of("completedAt", StoredTime.instant(message.getTimestamp())))));
    }

    @EventHandler
    public void on(DeadlineChangeRequested event, DomainEventMessage<?> message) {
        List<WriteModel<Document>> writes = new ArrayList<>(unit(event.commitmentId()));
        writes.add(entry(event.commitmentId(), "changes", key(event.commitmentId(), event.changeId()), message.getSequenceNumber(),
                Map.of("commitmentId", event.commitmentId(), "changeId", event.changeId(),
                        "requestedAt", StoredTime.instant(message.getTimestamp()))));
        write(writes);
    }

    @EventHandler
    public void on(DeadlineChangeApproved event, DomainEventMessage<?> message) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        writes.add(decision(event.commitmentId(), event.changeId(), "APPROVED", message));
        if (event.milestoneId() != null) {
            // the milestone is now due on the approved date: it is judged against that one
            writes.add(entry(event.commitmentId(), "milestones", key(event.commitmentId(), event.milestoneId()),
                    message.getSequenceNumber(), Map.of("dueDate", StoredTime.date(event.newDueDate()))));
        }
        write(writes);
    }

    @EventHandler
    public void on(DeadlineChangeRejected event, DomainEventMessage<?> message) {
        write(List.of(decision(event.commitmentId(), event.changeId(), "REJECTED", message)));
    }

    @EventHandler
    public void on(MajorIssueRaised event, DomainEventMessage<?> message) {
        List<WriteModel<Document>> writes = new ArrayList<>(unit(event.commitmentId()));
        writes.add(entry(event.commitmentId(), "issues", key(event.commitmentId(), event.issueId()), message.getSequenceNumber(),
                Map.of("commitmentId", event.commitmentId(), "issueId", event.issueId(),
                        "raisedAt", StoredTime.instant(message.getTimestamp()))));
        write(writes);
    }

    @EventHandler
    public void on(MajorIssueResolved event, DomainEventMessage<?> message) {
        write(List.of(entry(event.commitmentId(), "issues", key(event.commitmentId(), event.issueId()),
                message.getSequenceNumber(), Map.of("resolvedAt", StoredTime.instant(message.getTimestamp())))));
    }

    @EventHandler
    public void on(DispatchRoundOpened event, DomainEventMessage<?> message) {
        List<WriteModel<Document>> writes = new ArrayList<>(VersionedWrites.upsert(ROUND_PREFIX + event.roundId(),
                message.getSequenceNumber(), new Document("roundId", event.roundId())
                        .append("reportDeadline", StoredTime.date(event.reportDeadline()))
                        .append("quarterStart", StoredTime.date(event.quarterStart()))
                        .append("quarterEnd", StoredTime.date(event.quarterEnd()))
                        .append("closed", false)));
        writes.addAll(owed(event.roundId(), event.commitmentIds(), message));
        write(writes);
    }

    @EventHandler
    public void on(CommitmentsJoinedDispatchRound event, DomainEventMessage<?> message) {
        write(owed(event.roundId(), event.commitmentIds(), message));
    }

    @EventHandler
    public void on(QuarterlyReportRecorded event, DomainEventMessage<?> message) {
        // a report also makes its commitment owe one (reported before the round listed it)
        List<WriteModel<Document>> writes = new ArrayList<>(unit(event.commitmentId()));
        writes.add(entry(event.commitmentId(), "reports", key(event.roundId(), event.commitmentId()), message.getSequenceNumber(),
                Map.of("roundId", event.roundId(), "commitmentId", event.commitmentId(),
                        "reportedAt", StoredTime.instant(event.reportedAt()), "late", event.late())));
        write(writes);
    }

    @EventHandler
    public void on(DispatchRoundClosed event, DomainEventMessage<?> message) {
        write(List.of(VersionedWrites.update(ROUND_PREFIX + event.roundId(), message.getSequenceNumber(),
                new Document("$set", new Document("closed", true)))));
    }

    /**
     * One write per document for all of the round's commitments in it, not one per commitment: a round opens with
     * every open commitment (10,000 entries made one unit of work of 20,000 updates, past Axon's time limit, retried
     * forever). The event's entries of one document are new together or seen together (each update of a document is
     * atomic), so the update applies when none of them has seen the event.
     */
    private List<WriteModel<Document>> owed(String roundId, List<String> commitmentIds, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        Map<String, List<String>> byDocument = new TreeMap<>();
        commitmentIds.forEach(id -> byDocument.computeIfAbsent(unitDocumentId(id), d -> new ArrayList<>()).add(id));
        List<WriteModel<Document>> writes = new ArrayList<>();
        byDocument.forEach((documentId, ids) -> {
            writes.addAll(unit(ids.get(0)));
            Document set = new Document();
            List<Bson> unseen = new ArrayList<>();
            for (String commitmentId : ids) {
                String path = "reports." + key(roundId, commitmentId);
                set.append(path + ".roundId", roundId).append(path + ".commitmentId", commitmentId)
                        .append(path + ".joinedAt", StoredTime.instant(message.getTimestamp()))
                        .append(path + ".seq", sequence);
                unseen.add(unseen(path, sequence));
            }
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq(VersionedWrites.ID, documentId), Filters.and(unseen)),
                    new Document("$set", set)));
        });
        return writes;
    }

    private WriteModel<Document> decision(String commitmentId, String changeId, String decision,
                                          DomainEventMessage<?> message) {
        return entry(commitmentId, "changes", key(commitmentId, changeId), message.getSequenceNumber(),
                Map.of("decision", decision, "decidedAt", StoredTime.instant(message.getTimestamp())));
    }

    /** Creates the document of the commitment's unit and policy when missing. */
    private static List<WriteModel<Document>> unit(String commitmentId) {
        return List.of(new UpdateOneModel<>(Filters.eq(VersionedWrites.ID, unitDocumentId(commitmentId)),
                new Document("$setOnInsert", new Document("unitId", unitOf(commitmentId))
                        .append("policyId", CommitmentId.policyOf(commitmentId))), new UpdateOptions().upsert(true)));
    }

    /** A unit's facts about one policy's commitments: {@code unit:<unit>~<policy>}. */
    static String unitDocumentId(String commitmentId) {
        return UNIT_PREFIX + unitOf(commitmentId) + "~" + CommitmentId.policyOf(commitmentId);
    }

    /**
     * Sets fields of one entry of the document of the commitment's unit and policy if the entry has not seen
     * {@code sequence} yet.
     */
    private static WriteModel<Document> entry(String commitmentId, String section, String key, long sequence,
                                              Map<String, Object> fields) {
        String path = section + "." + key;
        Document set = new Document();
        fields.forEach((name, value) -> set.append(path + "." + name, value));
        set.append(path + ".seq", sequence);
        return new UpdateOneModel<>(Filters.and(Filters.eq(VersionedWrites.ID, unitDocumentId(commitmentId)),
                unseen(path, sequence)), new Document("$set", set));
    }

    /** The entry at {@code path} has not seen {@code sequence}. */
    private static Bson unseen(String path, long sequence) {
        return Filters.or(Filters.exists(path + ".seq", false), Filters.lt(path + ".seq", sequence));
    }

    static String key(String first, String second) {
        return first.replace('.', '~') + "~" + second.replace('.', '~');
    }

    private static String unitOf(String commitmentId) {
        return CommitmentId.unitOf(commitmentId);
    }

    @Override
    protected List<Bson> indexes() {
        return List.of();
    }
}
