package io.duban.query.timeline;

import io.duban.command.api.Actor;
import io.duban.query.api.ActorRef;
import io.duban.query.view.ActorDocuments;
import io.duban.query.view.StoredTime;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

/** The fields every {@link TimelineProjection} entry has, whatever its event (the document is described there). */
final class TimelineEntries {

    private TimelineEntries() {
    }

    static Document entry(DomainEventMessage<?> message, String kind, CommitmentKeys.Key key, Actor actor,
                                  String summary) {
        return new Document("_id", message.getIdentifier())
                .append("aggregateId", message.getAggregateIdentifier())
                .append("kind", kind)
                .append("policyId", key.policyId())
                .append("itemNumber", key.itemNumber())
                .append("unitId", key.unitId())
                .append("sequence", message.getSequenceNumber())
                .append("type", message.getPayloadType().getSimpleName())
                .append("at", StoredTime.instant(message.getTimestamp()))
                .append("actor", ActorDocuments.of(actor))
                .append("channel", ActorRef.channelOf(actor))
                .append("messageId", actor == null ? null : actor.messageId())
                .append("summary", summary);
    }
}
