package io.duban.query.overdue;

import io.duban.query.api.overdue.OverdueHistory;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds the steps of the {@value OverdueHistoryProjection#COLLECTION} view into daily counts, by the rule written on
 * {@link OverdueHistoryProjection}. Each commitment's steps give day intervals {@code [opened, closed)} (business
 * dates); the counts of a day are the intervals covering it. Plain code, no I/O.
 */
final class OverdueFold {

    /** A case open from the end of {@code from} until before {@code until} (null: still open). */
    private record Interval(LocalDate from, LocalDate until) {
    }

    private final ZoneId zone;
    /** Per day: how the due dates' count [0] and the commitments' count [1] change on that day. */
    private final TreeMap<LocalDate, int[]> changes = new TreeMap<>();

    OverdueFold(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds one commitment's steps (in any order: they are replayed by sequence). */
    void add(List<Document> steps) {
        List<Interval> cases = cases(steps);
        cases.forEach(c -> change(c, 0));
        merged(cases).forEach(c -> change(c, 1));
    }

    /** One point per day from {@code from} to {@code to}, both included; empty when {@code to} is before it. */
    List<OverdueHistory.Day> days(LocalDate from, LocalDate to) {
        int dueDates = 0;
        int commitments = 0;
        for (int[] change : changes.headMap(from, false).values()) {
            dueDates += change[0];
            commitments += change[1];
        }
        List<OverdueHistory.Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int[] change = changes.get(day);
            if (change != null) {
                dueDates += change[0];
                commitments += change[1];
            }
            days.add(new OverdueHistory.Day(day, dueDates, commitments));
        }
        return days;
    }

    private List<Interval> cases(List<Document> steps) {
        List<Document> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingLong(step -> ((Number) step.get("seq")).longValue()));
        Map<String, Instant> open = new LinkedHashMap<>();
        Set<String> closedByVerification = new LinkedHashSet<>();
        List<Interval> cases = new ArrayList<>();
        for (Document step : ordered) {
            String key = step.getString("key");
            Instant at = StoredTime.instant(step.get("at"));
            switch (step.getString("kind")) {
                case "OVERDUE" -> {
                    open.putIfAbsent(key, at);
                    closedByVerification.remove(key);
                }
                case "COMPLETED", "DEADLINE_CHANGED" -> {
                    close(open, key, at, cases);
                    closedByVerification.remove(key);
                }
                case "VERIFIED" -> {
                    closedByVerification.clear();
                    for (String openKey : List.copyOf(open.keySet())) {
                        close(open, openKey, at, cases);
                        closedByVerification.add(openKey);
                    }
                }
                case "REOPENED" -> {
                    closedByVerification.forEach(closedKey -> open.putIfAbsent(closedKey, at));
                    closedByVerification.clear();
                }
                default -> {
                    // a kind this version does not know changes no case
                }
            }
        }
        open.values().forEach(since -> cases.add(new Interval(day(since), null)));
        return cases;
    }

    private void close(Map<String, Instant> open, String key, Instant at, List<Interval> cases) {
        Instant since = open.remove(key);
        if (since != null) {
            cases.add(new Interval(day(since), day(at)));
        }
    }

    /** The commitment's days with at least one case open: overlapping or touching intervals joined. */
    private static List<Interval> merged(List<Interval> cases) {
        List<Interval> sorted = new ArrayList<>(cases);
        sorted.sort(Comparator.comparing(Interval::from));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (last.until() == null || !next.from().isAfter(last.until()))) {
                LocalDate until = last.until() == null || next.until() == null ? null
                        : next.until().isAfter(last.until()) ? next.until() : last.until();
                merged.set(merged.size() - 1, new Interval(last.from(), until));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    private void change(Interval interval, int index) {
        if (interval.until() != null && !interval.until().isAfter(interval.from())) {
            return; // opened and closed the same day: open at the end of no day
        }
        changes.computeIfAbsent(interval.from(), d -> new int[2])[index]++;
        if (interval.until() != null) {
            changes.computeIfAbsent(interval.until(), d -> new int[2])[index]--;
        }
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
