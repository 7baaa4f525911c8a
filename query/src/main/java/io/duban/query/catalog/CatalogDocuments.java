package io.duban.query.catalog;

import io.duban.command.api.TargetKind;
import io.duban.query.api.catalog.ItemRef;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.catalog.PolicyView;
import io.duban.query.api.catalog.TargetView;
import io.duban.query.api.catalog.UnitRef;
import io.duban.query.api.catalog.UnitView;
import io.duban.query.view.ActorDocuments;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.List;

/** Reads the catalog views' documents (policies, items, units) into the query api's records. */
final class CatalogDocuments {

    private CatalogDocuments() {
    }

    static ItemView item(Document d) {
        return new ItemView(d.getString("policyId"), d.getInteger("number"), d.getString("text"),
                d.getString("article"), d.getString("articleTitle"),
                d.getList("units", Document.class, List.of()).stream().map(u -> unitRef(u, false)).toList(),
                d.getList("targets", Document.class, List.of()).stream().map(CatalogDocuments::target).toList());
    }

    static UnitView unit(Document d) {
        return new UnitView(d.getString("_id"), d.getString("name"), d.getBoolean("coResponsible", false),
                d.getList("policyIds", String.class, List.of()),
                d.getList("items", Document.class, List.of()).stream().map(CatalogDocuments::itemRef).toList());
    }

    static PolicyView policy(Document d) {
        return new PolicyView(d.getString("_id"), d.getString("documentNumber"), d.getString("title"),
                d.getInteger("year", 0), d.getInteger("itemCount", 0), d.getString("sourceSha256"),
                d.getList("coResponsibleUnits", Document.class, List.of()).stream().map(u -> unitRef(u, true)).toList(),
                StoredTime.instant(d.get("importedAt")), ActorDocuments.ref(d.get("importedBy", Document.class)));
    }

    static TargetView target(Document d) {
        String kind = d.getString("kind");
        String amount = d.getString("amount");
        return new TargetView(kind == null ? null : TargetKind.valueOf(kind), d.getString("text"),
                d.getInteger("dueYear"), d.getInteger("firstYear"), d.getInteger("lastYear"),
                amount == null ? null : new BigDecimal(amount), d.getString("amountUnit"));
    }

    static ItemRef itemRef(Document stored) {
        return new ItemRef(stored.getString("policyId"), stored.getInteger("number"));
    }

    static UnitRef unitRef(Document stored, boolean defaultCoResponsible) {
        Boolean co = stored.getBoolean("coResponsible");
        return new UnitRef(stored.getString("unitId"), stored.getString("name"), co == null ? defaultCoResponsible : co);
    }
}
