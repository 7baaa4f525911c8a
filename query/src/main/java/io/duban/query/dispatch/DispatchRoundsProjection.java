package io.duban.query.dispatch;

import io.duban.query.view.ActorDocuments;
import com.mongodb.client.model.Indexes;
import io.duban.command.api.Actor;
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
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * View {@value #COLLECTION}: the quarterly dispatch rounds, one document per round, {@code _id} = round id
 * ({@code 2026-Q4}).
 * <pre>
 * { _id, quarterStart, quarterEnd, reportDeadline (yyyy-MM-dd), status (OPEN | CLOSED),
 *   openedAt (date), openedBy: {userId, name, role}, commitmentIds: [id],
 *   joins: [{commitmentId, at (date)}] (when each commitment was listed: opened with the round, or joined later),
 *   reports: [{commitmentId, progress, note, reportedBy: {…}, reportedAt, late}],
 *   reminders: [{at, by: {…}, channel, commitmentIds: [id]}],
 *   closedAt, closedBy, reported: [id], notReported: [id] (set when closed),
 *   lastSequence }
 * </pre>
 * Guarded by {@code lastSequence} (see {@link VersionedWrites}). The digest joins the commitments view when read, and
 * so does {@link DispatchRoundReader} to tell which commitments owe no report ({@link ReportExemptions}).
 */
@Component
@ProcessingGroup(ProcessingGroups.DISPATCH_ROUNDS)
public class DispatchRoundsProjection extends MongoView {

    public static final String COLLECTION = "dispatch_rounds";

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
                .append("commitmentIds", event.commitmentIds())
                .append("joins", joins(event.commitmentIds(), message))
                .append("reports", List.of())
                .append("reminders", List.of())
                .append("closedAt", null)
                .append("closedBy", null)
                .append("reported", null)
                .append("notReported", null);
        write(VersionedWrites.upsert(event.roundId(), message.getSequenceNumber(), set));
    }

    @EventHandler
    public void on(CommitmentsJoinedDispatchRound event, DomainEventMessage<?> message) {
        write(List.of(VersionedWrites.update(event.roundId(), message.getSequenceNumber(),
                new Document("$push", new Document("commitmentIds", new Document("$each", event.commitmentIds()))
                        .append("joins", new Document("$each", joins(event.commitmentIds(), message)))))));
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
        write(List.of(VersionedWrites.update(event.roundId(), message.getSequenceNumber(),
                new Document("$push", new Document("reports", report))
                        .append("$addToSet", new Document("commitmentIds", event.commitmentId())))));
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
        return List.of(Indexes.ascending("status"));
    }
}
