package io.duban.query.inbox;

import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.commitment.BoardEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The inbox's four lists in their order, worked out from the board digests' entries of the commitments waiting for
 * the office (ids and times only; a digest keeps only the escalation cases at the office's level), so that only the page shown is read from the commitments view. The orders are the inbox's:
 * changes, claims and issues oldest first; escalations highest level first, then the earliest due date (as
 * {@code EscalationQueries.ORDER}).
 */
record WaitingOrder(List<Ref> deadlineChanges, List<Ref> completionClaims, List<Ref> majorIssues,
                    List<Ref> escalations) {

    /**
     * One row of a list: the commitment and which of its changes, issues or cases ({@code key}: a change or issue id,
     * or a case's milestone id, null for the final due date; none for a claim).
     */
    record Ref(String commitmentId, String key, LocalDate dueDate, int level, Instant since) {
    }

    private static final Comparator<Ref> OLDEST_FIRST = Comparator.comparing(Ref::since,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Ref::commitmentId)
            .thenComparing(Ref::key, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final Comparator<Ref> HIGHEST_LEVEL_FIRST = Comparator.comparingInt(Ref::level).reversed()
            .thenComparing(Ref::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Ref::commitmentId)
            .thenComparing(Ref::key, Comparator.nullsFirst(Comparator.naturalOrder()));

    static WaitingOrder of(List<BoardEntry> waiting) {
        List<Ref> changes = new ArrayList<>();
        List<Ref> claims = new ArrayList<>();
        List<Ref> issues = new ArrayList<>();
        List<Ref> escalations = new ArrayList<>();
        for (BoardEntry entry : waiting) {
            String id = entry.commitmentId();
            BoardEntry.Waiting w = entry.waiting();
            w.changes().forEach(c -> changes.add(new Ref(id, c.id(), null, 0, c.at())));
            if (w.claimed()) {
                claims.add(new Ref(id, null, null, 0, w.claimedAt()));
            }
            w.issues().forEach(i -> issues.add(new Ref(id, i.id(), null, 0, i.at())));
            w.escalations().forEach(e -> escalations.add(new Ref(id, e.milestoneId(), e.dueDate(), e.level(), e.levelSince())));
        }
        changes.sort(OLDEST_FIRST);
        claims.sort(OLDEST_FIRST);
        issues.sort(OLDEST_FIRST);
        escalations.sort(HIGHEST_LEVEL_FIRST);
        return new WaitingOrder(changes, claims, issues, escalations);
    }

    OfficeInbox.Totals totals() {
        return new OfficeInbox.Totals(deadlineChanges.size(), completionClaims.size(), majorIssues.size(),
                escalations.size());
    }

    /** The same lists cut to rows {@code offset} to {@code offset + limit - 1}. */
    WaitingOrder page(int offset, int limit) {
        return new WaitingOrder(cut(deadlineChanges, offset, limit), cut(completionClaims, offset, limit),
                cut(majorIssues, offset, limit), cut(escalations, offset, limit));
    }

    /** The commitments the lists name, each once. */
    List<String> commitmentIds() {
        return java.util.stream.Stream.of(deadlineChanges, completionClaims, majorIssues, escalations)
                .flatMap(List::stream).map(Ref::commitmentId).distinct().toList();
    }

    private static List<Ref> cut(List<Ref> list, int offset, int limit) {
        int from = Math.min(offset, list.size());
        return List.copyOf(list.subList(from, Math.min(list.size(), from + limit)));
    }
}
