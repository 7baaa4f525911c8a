package io.duban.query.catalog;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.WriteModel;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import io.duban.command.api.Target;
import io.duban.query.ProcessingGroups;
import io.duban.query.view.MongoView;
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

/**
 * View {@value #COLLECTION}: one document per support item, {@code _id} = {@code policyId:number}.
 * <pre>
 * { _id, policyId, number, text, article, articleTitle,
 *   units: [{unitId, name, coResponsible}],
 *   targets: [{kind, text, dueYear, firstYear, lastYear, amount (decimal string), amountUnit}],
 *   lastSequence }
 * </pre>
 * Amounts are stored as decimal strings so that {@code 10.50} stays {@code 10.50}.
 */
@Component
@ProcessingGroup(ProcessingGroups.ITEMS)
public class ItemsProjection extends MongoView {

    public static final String COLLECTION = "items";

    public ItemsProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    public static String itemId(String policyId, int number) {
        return policyId + ":" + number;
    }

    @EventHandler
    public void on(PolicyImported event, DomainEventMessage<?> message) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (SupportItem item : event.items()) {
            Document fields = new Document("policyId", event.policyId())
                    .append("number", item.number())
                    .append("text", item.text())
                    .append("article", item.article())
                    .append("articleTitle", item.articleTitle())
                    .append("units", item.units().stream().map(ItemsProjection::unit).toList())
                    .append("targets", item.targets().stream().map(ItemsProjection::target).toList());
            writes.addAll(VersionedWrites.upsert(itemId(event.policyId(), item.number()), message.getSequenceNumber(), fields));
        }
        write(writes);
    }

    private static Document unit(ResponsibleUnit unit) {
        return new Document("unitId", unit.unitId())
                .append("name", unit.name())
                .append("coResponsible", unit.coResponsible());
    }

    private static Document target(Target target) {
        return new Document("kind", target.kind() == null ? null : target.kind().name())
                .append("text", target.text())
                .append("dueYear", target.dueYear())
                .append("firstYear", target.firstYear())
                .append("lastYear", target.lastYear())
                .append("amount", target.amount() == null ? null : target.amount().toPlainString())
                .append("amountUnit", target.amountUnit());
    }

    @Override
    protected List<Bson> indexes() {
        return List.of(Indexes.ascending("policyId", "number"), Indexes.ascending("units.unitId"));
    }
}
