package io.duban.query.catalog;

import io.duban.query.view.ActorRef;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/** An imported policy document, as the {@code policies} view holds it. */
public record PolicyView(String policyId, String documentNumber, String title, int year, int itemCount,
                         String sourceSha256, List<UnitRef> coResponsibleUnits, Instant importedAt, ActorRef importedBy) {

    static PolicyView from(Document d) {
        return new PolicyView(d.getString("_id"), d.getString("documentNumber"), d.getString("title"),
                d.getInteger("year", 0), d.getInteger("itemCount", 0), d.getString("sourceSha256"),
                d.getList("coResponsibleUnits", Document.class, List.of()).stream().map(u -> UnitRef.from(u, true)).toList(),
                StoredTime.instant(d.get("importedAt")), ActorRef.from(d.get("importedBy", Document.class)));
    }
}
