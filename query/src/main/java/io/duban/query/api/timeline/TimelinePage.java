package io.duban.query.api.timeline;

import io.duban.command.api.Channel;
import io.duban.query.api.ActorRef;

import java.time.Instant;
import java.util.List;

/** A page of timeline entries and how many match in all. */
public record TimelinePage(List<Row> rows, long total, int page, int size) {

    public TimelinePage {
        rows = List.copyOf(rows);
    }

    /** Pages in all (at least 1). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /**
     * One event on the timeline: who did what, when, through which channel (with the DingTalk msgId where there was
     * one), in one Chinese line.
     *
     * @param kind commitment, policy or official: what {@code aggregateId} names
     */
    public record Row(String eventId, String aggregateId, String kind, String policyId, Integer itemNumber,
                      String unitId, long sequence, String type, Instant at, ActorRef actor, Channel channel,
                      String messageId, String summary) {
    }
}
