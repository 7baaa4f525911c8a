package io.duban.query.catalog;

import io.duban.query.view.ActorDocuments;
import com.mongodb.client.model.Indexes;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ResponsibleUnit;
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

import java.util.List;

/**
 * View {@value #COLLECTION}: one document per imported policy, {@code _id} = policyId.
 * <pre>
 * { _id, documentNumber, title, year, itemCount, sourceSha256, coResponsibleUnits: [{unitId, name}],
 *   importedAt (date), importedBy: {userId, name, role}, lastSequence }
 * </pre>
 */
@Component
@ProcessingGroup(ProcessingGroups.POLICIES)
public class PoliciesProjection extends MongoView {

    public static final String COLLECTION = "policies";

    public PoliciesProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    public void on(PolicyImported event, DomainEventMessage<?> message) {
        Document fields = new Document("documentNumber", event.documentNumber())
                .append("title", event.title())
                .append("year", event.year())
                .append("itemCount", event.items().size())
                .append("sourceSha256", event.sourceSha256())
                .append("coResponsibleUnits", coResponsibleUnits(event.coResponsibleUnits()))
                .append("importedAt", StoredTime.instant(message.getTimestamp()))
                .append("importedBy", ActorDocuments.of(event.actor()));
        write(VersionedWrites.upsert(event.policyId(), message.getSequenceNumber(), fields));
    }

    private static List<Document> coResponsibleUnits(List<ResponsibleUnit> units) {
        return units == null ? List.of() : units.stream()
                .map(unit -> new Document("unitId", unit.unitId()).append("name", unit.name()))
                .toList();
    }

    @Override
    protected List<Bson> indexes() {
        return List.of(Indexes.descending("year"));
    }
}
