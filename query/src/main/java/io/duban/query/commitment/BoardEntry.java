package io.duban.query.commitment;

import io.duban.query.light.LightSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One commitment as its unit's digest holds it ({@link BoardDigests}): enough to count its light on any day, sum
 * progress by item, place it in the due lists and order the inbox; its row (by {@code _id}) has the rest.
 *
 * @param listDue the date a due list shows: the earlier of the final due date and the earliest open milestone's
 * @param verifiedAt when it was verified, while it is (办结, not reopened since); null otherwise
 * @param waiting    what waits for the office, null when nothing does
 */
public record BoardEntry(String commitmentId, String unitId, String policyId, int itemNumber, LightSchedule light,
                         LocalDate listDue, int shownProgress, List<MilestoneDue> milestones, Instant verifiedAt,
                         Waiting waiting) {

    /** A milestone's due date (after approved changes) and when it was completed (null while open). */
    public record MilestoneDue(LocalDate dueDate, Instant completedAt) {
    }

    /** A pending change or an open issue: its id and since when it waits. */
    public record Timed(String id, Instant at) {
    }

    /** An open escalation case at the office's level. */
    public record Case(String milestoneId, LocalDate dueDate, int level, Instant levelSince) {
    }

    /** @param claimedAt when completion was claimed, if it is (the claim awaits verification) */
    public record Waiting(List<Timed> changes, boolean claimed, Instant claimedAt, List<Timed> issues,
                          List<Case> escalations) {
    }
}
