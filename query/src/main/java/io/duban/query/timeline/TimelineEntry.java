package io.duban.query.timeline;

import io.duban.query.view.ActorDocuments;
import io.duban.command.api.Channel;
import io.duban.query.api.ActorRef;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.time.Instant;
import java.util.Map;

/**
 * One event on a timeline: who did what, when, through which channel (with the DingTalk msgId where there was one),
 * in one Chinese line.
 *
 * @param facts the event's facts the audit report folds into the commitment's state (see {@link TimelineProjection});
 *              empty for other entries and for entries written before facts were recorded (rebuild the view)
 */
public record TimelineEntry(String eventId, String aggregateId, String kind, String policyId, Integer itemNumber,
                            String unitId, long sequence, String type, Instant at, ActorRef actor, Channel channel,
                            String messageId, String summary, Map<String, Object> facts) {

    public TimelineEntry {
        facts = facts == null ? Map.of() : facts;
    }

    TimelineEntry withSummary(String newSummary) {
        return new TimelineEntry(eventId, aggregateId, kind, policyId, itemNumber, unitId, sequence, type, at, actor,
                channel, messageId, newSummary, facts);
    }

    static TimelineEntry from(Document d) {
        String channel = d.getString("channel");
        return new TimelineEntry(d.getString("_id"), d.getString("aggregateId"), d.getString("kind"),
                d.getString("policyId"), d.getInteger("itemNumber"), d.getString("unitId"),
                ((Number) d.get("sequence")).longValue(), d.getString("type"), StoredTime.instant(d.get("at")),
                ActorDocuments.ref(d.get("actor", Document.class)), channel == null ? null : Channel.valueOf(channel),
                d.getString("messageId"), d.getString("summary"), d.get(TimelineProjection.FACTS, Document.class));
    }
}
