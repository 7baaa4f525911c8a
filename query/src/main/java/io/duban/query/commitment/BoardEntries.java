package io.duban.query.commitment;

import io.duban.query.api.catalog.ItemRef;
import io.duban.query.api.light.LightColor;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every commitment's {@link BoardEntry}, read from the units' digests at one moment: the board's counts and lists
 * are worked out here, in memory, from ten thousand small entries (milliseconds) rather than by scanning the rows.
 */
public record BoardEntries(List<BoardEntry> entries) {

    /** The due lists' order: the earliest date first, then policy, item and id, so the order is total. */
    static final Comparator<BoardEntry> LIST_ORDER = Comparator.comparing(BoardEntry::listDue)
            .thenComparing(BoardEntry::policyId).thenComparingInt(BoardEntry::itemNumber)
            .thenComparing(BoardEntry::commitmentId);

    /** The first commitments of a list, by id in the list's order, and how many the list has in all. */
    public record Picked(List<String> first, int all) {
    }

    /** Per unit id: its registered commitments by light colour on {@code today} (DONE, RED, YELLOW, GREEN). */
    public Map<String, Map<LightColor, Integer>> lightsByUnit(LocalDate today) {
        Map<String, Map<LightColor, Integer>> byUnit = new HashMap<>();
        for (BoardEntry e : entries) {
            Map<LightColor, Integer> counts = byUnit.computeIfAbsent(e.unitId(), unit -> zero());
            counts.merge(e.light().colorOn(today), 1, Integer::sum);
        }
        return byUnit;
    }

    /** Per item: how many commitments, and the sum of their shown progress. */
    public Map<ItemRef, int[]> progressByItem() {
        Map<ItemRef, int[]> byItem = new HashMap<>();
        for (BoardEntry e : entries) {
            int[] total = byItem.computeIfAbsent(new ItemRef(e.policyId(), e.itemNumber()), item -> new int[2]);
            total[0]++;
            total[1] += e.shownProgress();
        }
        return byItem;
    }

    /** Red on {@code today}: the earliest missed date first. */
    public Picked overdue(LocalDate today, int limit) {
        return pick(e -> e.light().colorOn(today) == LightColor.RED, limit);
    }

    /** Yellow on {@code today} with their list date between {@code today} and {@code horizon}: soonest first. */
    public Picked dueSoon(LocalDate today, LocalDate horizon, int limit) {
        return pick(e -> e.light().colorOn(today) == LightColor.YELLOW && !e.listDue().isBefore(today)
                && !e.listDue().isAfter(horizon), limit);
    }

    /** The commitments the office has something to decide on. */
    public List<BoardEntry> awaitingTheOffice() {
        return entries.stream().filter(e -> e.waiting() != null).toList();
    }

    private Picked pick(Predicate<BoardEntry> listed, int limit) {
        List<BoardEntry> all = entries.stream().filter(listed).sorted(LIST_ORDER).toList();
        return new Picked(all.stream().limit(limit).map(BoardEntry::commitmentId).toList(), all.size());
    }

    private static Map<LightColor, Integer> zero() {
        Map<LightColor, Integer> counts = new EnumMap<>(LightColor.class);
        for (LightColor color : List.of(LightColor.DONE, LightColor.RED, LightColor.YELLOW, LightColor.GREEN)) {
            counts.put(color, 0);
        }
        return counts;
    }
}
