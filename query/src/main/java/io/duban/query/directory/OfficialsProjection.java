package io.duban.query.directory;

import io.duban.query.view.ActorDocuments;
import com.mongodb.client.model.Indexes;
import io.duban.command.api.Actor;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
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
 * View {@value #COLLECTION}: the directory of officials, one document per person, {@code _id} = DingTalk userId.
 * <pre>
 * { _id, name, role (OFFICIAL | UNIT_LEADER | OFFICE | INSPECTOR), unitIds: [unitId], active,
 *   appointedAt (date), appointedBy: {userId, name, role},
 *   removedAt, removedBy, removalReason (null while active),
 *   history: [{sequence, change (APPOINTED | REMOVED), at, by: {userId, name, role}, channel,
 *              name, role, unitIds (the details appointed; null on a removal), reason (removal only)}],
 *   lastSequence }
 * </pre>
 * An appointment sets the details it carries (a re-appointment replaces them, also after a removal, which it
 * clears); a removal keeps the last details and marks the person inactive. Every change is appended to
 * {@code history}, so who could act for which unit at any time can be read back. Only unit ids are stored: their
 * names come from the units view when read. Guarded by {@code lastSequence} (see {@link VersionedWrites}).
 */
@Component
@ProcessingGroup(ProcessingGroups.OFFICIALS)
public class OfficialsProjection extends MongoView {

    public static final String COLLECTION = "officials";
    static final String APPOINTED = "APPOINTED";
    static final String REMOVED = "REMOVED";

    public OfficialsProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    public void on(OfficialAppointed event, DomainEventMessage<?> message) {
        List<String> unitIds = event.unitIds() == null ? List.of() : event.unitIds();
        String role = event.role() == null ? null : event.role().name();
        Document set = new Document("name", event.name())
                .append("role", role)
                .append("unitIds", unitIds)
                .append("active", true)
                .append("appointedAt", StoredTime.instant(message.getTimestamp()))
                .append("appointedBy", ActorDocuments.of(event.actor()))
                .append("removedAt", null)
                .append("removedBy", null)
                .append("removalReason", null);
        Document change = change(APPOINTED, event.actor(), message)
                .append("name", event.name())
                .append("role", role)
                .append("unitIds", unitIds)
                .append("reason", null);
        write(VersionedWrites.createOrUpdate(event.userId(), message.getSequenceNumber(),
                new Document("$set", set).append("$push", new Document("history", change))));
    }

    @EventHandler
    public void on(OfficialRemoved event, DomainEventMessage<?> message) {
        Document set = new Document("active", false)
                .append("removedAt", StoredTime.instant(message.getTimestamp()))
                .append("removedBy", ActorDocuments.of(event.actor()))
                .append("removalReason", event.reason());
        Document change = change(REMOVED, event.actor(), message)
                .append("name", null)
                .append("role", null)
                .append("unitIds", null)
                .append("reason", event.reason());
        write(List.of(VersionedWrites.update(event.userId(), message.getSequenceNumber(),
                new Document("$set", set).append("$push", new Document("history", change)))));
    }

    private static Document change(String kind, Actor actor, DomainEventMessage<?> message) {
        return new Document("sequence", message.getSequenceNumber())
                .append("change", kind)
                .append("at", StoredTime.instant(message.getTimestamp()))
                .append("by", ActorDocuments.of(actor))
                .append("channel", ActorRef.channelOf(actor));
    }

    @Override
    protected List<Bson> indexes() {
        return List.of(Indexes.ascending("unitIds", "active"), Indexes.ascending("active", "role"));
    }
}
