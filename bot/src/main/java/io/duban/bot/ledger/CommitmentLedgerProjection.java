package io.duban.bot.ledger;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.duban.bot.BotProcessingGroups;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The bot's ledger of commitments ({@value #COLLECTION}). Dates are stored as ISO strings; every update is guarded
 * by the aggregate sequence so a re-delivered event changes nothing.
 */
@Component
@ProcessingGroup(BotProcessingGroups.LEDGER)
class CommitmentLedgerProjection {

    static final String COLLECTION = "bot_commitments";

    private final MongoTemplate mongo;

    CommitmentLedgerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("unitId", "policyId", "itemNumber"));
    }

    @EventHandler
    void on(CommitmentRegistered event, @SequenceNumber long sequence) {
        write(event.commitmentId(), sequence, Updates.combine(
                Updates.set("policyId", event.policyId()),
                Updates.set("itemNumber", event.itemNumber()),
                Updates.set("unitId", event.unitId()),
                Updates.set("unitName", event.unitName()),
                Updates.set("responsibleName", event.responsible().name()),
                Updates.set("status", "OPEN"),
                Updates.set("progress", 0),
                Updates.set("dueDate", event.dueDate().toString()),
                Updates.set("milestones", event.milestones().stream().map(m -> new Document("milestoneId",
                        m.milestoneId()).append("title", m.title()).append("dueDate", m.dueDate().toString())
                        .append("completed", false)).toList())));
    }

    @EventHandler
    void on(ProgressReported event, @SequenceNumber long sequence) {
        write(event.commitmentId(), sequence, Updates.set("progress", event.percent()));
    }

    @EventHandler
    void on(MilestoneCompleted event, @SequenceNumber long sequence) {
        updateMilestone(event.commitmentId(), sequence, event.milestoneId(), Updates.set("milestones.$.completed", true));
    }

    @EventHandler
    void on(DeadlineChangeApproved event, @SequenceNumber long sequence) {
        if (event.milestoneId() == null) {
            write(event.commitmentId(), sequence, Updates.set("dueDate", event.newDueDate().toString()));
        } else {
            updateMilestone(event.commitmentId(), sequence, event.milestoneId(),
                    Updates.set("milestones.$.dueDate", event.newDueDate().toString()));
        }
    }

    @EventHandler
    void on(CompletionClaimed event, @SequenceNumber long sequence) {
        write(event.commitmentId(), sequence, Updates.set("status", "COMPLETION_CLAIMED"));
    }

    @EventHandler
    void on(CompletionVerified event, @SequenceNumber long sequence) {
        write(event.commitmentId(), sequence, Updates.set("status", "VERIFIED"));
    }

    @EventHandler
    void on(CommitmentReopened event, @SequenceNumber long sequence) {
        write(event.commitmentId(), sequence, Updates.set("status", "OPEN"));
    }

    private void updateMilestone(String commitmentId, long sequence, String milestoneId, Bson update) {
        mongo.getCollection(COLLECTION).updateOne(
                Filters.and(newerThan(commitmentId, sequence), Filters.eq("milestones.milestoneId", milestoneId)),
                Updates.combine(update, Updates.set("lastSequence", sequence)));
    }

    private void write(String commitmentId, long sequence, Bson update) {
        try {
            mongo.getCollection(COLLECTION).updateOne(newerThan(commitmentId, sequence),
                    Updates.combine(update, Updates.set("lastSequence", sequence)), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
            // the document already holds this or a later event
        }
    }

    private static Bson newerThan(String commitmentId, long sequence) {
        return Filters.and(Filters.eq("_id", commitmentId),
                Filters.or(Filters.exists("lastSequence", false), Filters.lt("lastSequence", sequence)));
    }

    @ResetHandler
    void reset() {
        mongo.getCollection(COLLECTION).deleteMany(new Document());
    }
}
