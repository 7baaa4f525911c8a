package io.duban.query.catalog;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import io.duban.query.ProcessingGroups;
import io.duban.query.view.MongoView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * View {@value #COLLECTION}: one document per responsible unit, {@code _id} = unitId, gathered over every policy.
 * <pre>
 * { _id, name, coResponsible, policyIds: [policyId], items: [{policyId, number}] }
 * </pre>
 * A unit document is fed by several aggregates (one per policy), so there is no single sequence to compare. The
 * updates are idempotent by construction instead: {@code $addToSet} adds a policy's items and id once, in event
 * order; {@code coResponsible} only ever turns true (a unit co-responsible in any policy stays flagged). A repeated
 * or late PolicyImported therefore changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.UNITS)
public class UnitsProjection extends MongoView {

    public static final String COLLECTION = "units";

    public UnitsProjection(MongoTemplate mongo) {
        super(mongo, COLLECTION);
    }

    @EventHandler
    public void on(PolicyImported event) {
        Map<String, ResponsibleUnit> units = new LinkedHashMap<>();
        Map<String, List<Document>> itemsByUnit = new LinkedHashMap<>();
        for (SupportItem item : event.items()) {
            for (ResponsibleUnit unit : item.units()) {
                units.merge(unit.unitId(), unit, (a, b) -> a.coResponsible() ? a : b);
                itemsByUnit.computeIfAbsent(unit.unitId(), id -> new ArrayList<>())
                        .add(new Document("policyId", event.policyId()).append("number", item.number()));
            }
        }
        if (event.coResponsibleUnits() != null) {
            event.coResponsibleUnits().forEach(unit -> units.put(unit.unitId(), unit));
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        units.forEach((unitId, unit) -> {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", unitId),
                    new Document("$set", new Document("name", unit.name()))
                            .append("$setOnInsert", new Document("coResponsible", false))
                            .append("$addToSet", new Document("policyIds", event.policyId())
                                    .append("items", new Document("$each", itemsByUnit.getOrDefault(unitId, List.of())))),
                    new UpdateOptions().upsert(true)));
            if (unit.coResponsible()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", unitId),
                        new Document("$set", new Document("coResponsible", true))));
            }
        });
        write(writes);
    }

    @Override
    protected List<Bson> indexes() {
        return List.of(); // read by _id, or whole (a few hundred units at most)
    }
}
