package io.duban.console.audit;

import io.duban.query.api.timeline.TimelinePage;

import java.time.ZoneId;
import java.util.Map;

/**
 * A timeline row as the page shows it: who (name, account, role), when (business-zone time), channel and msgId.
 *
 * @param commitmentId the commitment the entry is about, null for a policy or directory entry
 */
record TimelineRowView(String time, String type, String typeLabel, String summary, String actorName, String actorId,
                       String roleLabel, String channelLabel, String messageId, String commitmentId,
                       String unitName, String eventId, long sequence) {

    static TimelineRowView of(TimelinePage.Row row, Map<String, String> unitNames, ZoneId zone) {
        String unit = row.unitId() == null ? null : unitNames.getOrDefault(row.unitId(), row.unitId());
        return new TimelineRowView(Labels.time(row.at(), zone), row.type(), Labels.type(row.type()), row.summary(),
                row.actor() == null ? null : row.actor().name(), row.actor() == null ? null : row.actor().userId(),
                row.actor() == null ? "" : Labels.role(row.actor().role()), Labels.channel(row.channel()),
                row.messageId(), "commitment".equals(row.kind()) ? row.aggregateId() : null, unit, row.eventId(),
                row.sequence());
    }
}
