package io.duban.query.api.catalog;

import io.duban.query.api.ActorRef;

import java.time.Instant;
import java.util.List;

/** An imported policy document, as the {@code policies} view holds it. */
public record PolicyView(String policyId, String documentNumber, String title, int year, int itemCount,
                         String sourceSha256, List<UnitRef> coResponsibleUnits, Instant importedAt, ActorRef importedBy) {
}
