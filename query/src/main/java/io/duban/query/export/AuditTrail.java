package io.duban.query.export;

import io.duban.query.timeline.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of one subject: its timeline entries, oldest first, and for commitment entries the commitment's
 * state right after that entry (folded from all of the commitment's entries up to it, also those before the range).
 *
 * @param title  what the trail covers, in Chinese (承诺 …, 单位 …, 2026-Q4)
 * @param from   inclusive, null = since the beginning
 * @param to     exclusive, null = up to now
 * @param states event id to the state after it
 * @param unitNames unit id to its name, for every unit the entries name that the units view knows
 */
public record AuditTrail(String title, Instant from, Instant to, List<TimelineEntry> entries,
                         Map<String, CommitmentState> states, Map<String, String> unitNames) {

    public AuditTrail {
        unitNames = unitNames == null ? Map.of() : unitNames;
    }

    /** The unit's name, null when unknown (no policy lists it). */
    public String unitName(String unitId) {
        return unitId == null ? null : unitNames.get(unitId);
    }
}
