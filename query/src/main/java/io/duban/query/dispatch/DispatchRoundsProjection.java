package io.duban.query.dispatch;

import io.duban.query.view.ActorDocuments;
import com.mongodb.client.model.Indexes;
import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.CommitmentsJoinedDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.LateUnitsReminded;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
import io.duban.query.ProcessingGroups;
import io.duban.query.api.ActorRef;
import io.duban.query.view.MongoView;
import io.duban.query.view.StoredTime;
import io.duban.query.view.VersionedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * View {@value #COLLECTION}: the quarterly dispatch rounds. Each round is one header document, {@code _id} = round id
 * ({@code 2026-Q4}), and one bucket per policy its commitments belong to, {@code _id} = round id + {@value #BUCKET}
 * + policy id, holding that policy's share of the round:
 * <pre>
 * header { _id, quarterStart, quarterEnd, reportDeadline (yyyy-MM-dd), status (OPEN | CLOSED),
 *          openedAt (date), openedBy: {userId, name, role},
 *          reminders: [{at, by: {…}, channel, commitmentIds: [id]}],
 *          closedAt, closedBy, reported: [id], notReported: [id] (set when closed),
 *          lastSequence }
 * bucket { _id, round, policyId, commitmentIds: [id],
 *          joins: [{commitmentId, at (date)}] (when each commitment was listed: opened with the round, or joined later),
 *          reports: [{commitmentId, progress, note, reportedBy: {…}, reportedAt, late}],
 *          lastSequence }
 * </pre>
 * Why buckets: a round gathers every open commitment and one report from each, and a single document with those
 * arrays grew with the number of commitments; every report rewrote the whole of it (the embedded server clones,
 * re-encodes and compares the document on each update; MongoDB rewrites it too, and caps it at 16 MB), so a quarter
 * of 10,000 commitments cost O(n²) and rebuild batches ran for minutes. A bucket is bounded by one policy's items and
 * units. Headers and buckets are all fed by the round's own events in order, so each is guarded by
 * {@code lastSequence} (see {@link VersionedWrites}). {@link DispatchRoundReader} puts a round back together (and
 * still reads the arrays of a round document written before buckets existed). The digest joins the commitments view
 * when read, and so does the reader to tell which commitments owe no report ({@link ReportExemptions}).
 */
@Component
@ProcessingGroup(ProcessingGroups.DISPATCH_ROUNDS)
public class DispatchRoundsProjection extends MongoView {

    public static final String COLLECTION = "dispatch_rounds";
    /** Separates the round id from the policy id in a bucket's {@code _id}. */
    static final String BUCKET = "~";
    static final String ROUND = "round";

    public DispatchRoundsProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    public void on(DispatchRoundOpened event, DomainEventMessage<?> message) {
        Document set = new Document("quarterStart", StoredTime.date(event.quarterStart()))
                .append("quarterEnd", StoredTime.date(event.quarterEnd()))
                .append("reportDeadline", StoredTime.date(event.reportDeadline()))
                .append("status", "OPEN")
                .append("openedAt", StoredTime.instant(message.getTimestamp()))
                .append("openedBy", ActorDocuments.of(event.actor()))
                .append("reminders", List.of())
                .append("closedAt", null)
                .append("closedBy", null)
                .append("reported", null)
                .append("notReported", null);
        List<WriteModel<Document>> writes = new ArrayList<>(VersionedWrites.upsert(event.roundId(),
                message.getSequenceNumber(), set));
        writes.addAll(joined(event.roundId(), event.commitmentIds(), message));
        write(writes);
    }

    @EventHandler
    public void on(CommitmentsJoinedDispatchRound event, DomainEventMessage<?> message) {
        write(joined(event.roundId(), event.commitmentIds(), message));
    }

    /** The commitments listed, added to their policies' buckets. */
    private static List<WriteModel<Document>> joined(String roundId, List<String> commitmentIds,
                                                     DomainEventMessage<?> message) {
        Map<String, List<String>> byPolicy = new TreeMap<>();
        commitmentIds.forEach(id -> byPolicy.computeIfAbsent(CommitmentId.policyOf(id), p -> new ArrayList<>()).add(id));
        List<WriteModel<Document>> writes = new ArrayList<>();
        byPolicy.forEach((policyId, ids) -> writes.addAll(bucket(roundId, policyId, message,
                new Document("$push", new Document("commitmentIds", new Document("$each", ids))
                        .append("joins", new Document("$each", joins(ids, message)))))));
        return writes;
    }

    private static List<Document> joins(List<String> commitmentIds, DomainEventMessage<?> message) {
        return commitmentIds.stream().map(id -> new Document("commitmentId", id)
                .append("at", StoredTime.instant(message.getTimestamp()))).toList();
    }

    @EventHandler
    public void on(QuarterlyReportRecorded event, DomainEventMessage<?> message) {
        Document report = new Document("commitmentId", event.commitmentId())
                .append("progress", event.progress())
                .append("note", event.note())
                .append("reportedBy", ActorDocuments.of(event.reportedBy()))
                .append("reportedAt", StoredTime.instant(event.reportedAt()))
                .append("late", event.late());
        // a report also makes its commitment part of the round (reported before the round listed it)
        write(bucket(event.roundId(), CommitmentId.policyOf(event.commitmentId()), message,
                new Document("$push", new Document("reports", report))
                        .append("$addToSet", new Document("commitmentIds", event.commitmentId()))));
    }

    /** Creates the policy's bucket of the round when missing, then applies the operators if it has not seen the event. */
    private static List<WriteModel<Document>> bucket(String roundId, String policyId, DomainEventMessage<?> message,
                                                     Document operators) {
        Document update = new Document(operators).append("$set", new Document(ROUND, roundId).append("policyId", policyId));
        return VersionedWrites.createOrUpdate(bucketId(roundId, policyId), message.getSequenceNumber(), update);
    }

    static String bucketId(String roundId, String policyId) {
        return roundId + BUCKET + policyId;
    }

    @EventHandler
    public void on(LateUnitsReminded event, DomainEventMessage<?> message) {
        Actor actor = event.actor();
        Document reminder = new Document("at", StoredTime.instant(message.getTimestamp()))
                .append("by", ActorDocuments.of(actor))
                .append("channel", ActorRef.channelOf(actor))
                .append("commitmentIds", event.commitmentIds());
        write(List.of(VersionedWrites.update(event.roundId(), message.getSequenceNumber(),
                new Document("$push", new Document("reminders", reminder)))));
    }

    @EventHandler
    public void on(DispatchRoundClosed event, DomainEventMessage<?> message) {
        Document set = new Document("status", "CLOSED")
                .append("closedAt", StoredTime.instant(message.getTimestamp()))
                .append("closedBy", ActorDocuments.of(event.actor()))
                .append("reported", event.reported())
                .append("notReported", event.notReported());
        write(List.of(VersionedWrites.update(event.roundId(), message.getSequenceNumber(), new Document("$set", set))));
    }

    @Override
    protected List<Bson> indexes() {
        return List.of(Indexes.ascending("status"), Indexes.ascending(ROUND));
    }
}
