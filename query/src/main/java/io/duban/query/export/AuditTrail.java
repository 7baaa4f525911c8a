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
 */
public record AuditTrail(String title, Instant from, Instant to, List<TimelineEntry> entries,
                         Map<String, CommitmentState> states) {
}
