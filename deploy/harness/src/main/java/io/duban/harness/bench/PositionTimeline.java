package io.duban.harness.bench;

import java.util.Arrays;
import java.util.Set;

/**
 * How far one view (or the slowest of several) had processed the event log over time: a list of
 * (nanoTime, position, gaps) entries, one per change, appended by a single monitor thread and read once it stopped.
 * <p>
 * {@code position} is the lowest tracking-token index over the view's segments (-1 before a segment has a token);
 * {@code gaps} are the indexes at or below it that some segment has not seen yet (a GapAwareTrackingToken's gaps:
 * an event committed after a later one). An event with global index {@code i} is visible at an entry when
 * {@code position >= i} and {@code i} is not a gap there. Positions are kept non-decreasing: a lower reading (a
 * segment briefly without a token) is recorded as the previous position, so a lookup can binary-search.
 */
final class PositionTimeline {

    private long[] nanos = new long[1024];
    private long[] positions = new long[1024];
    private Set<Long>[] gaps = newGapArray(1024);
    private int size;

    /** Records a reading if it differs from the last one; returns whether it did. */
    boolean record(long nanoTime, long position, Set<Long> gapsAtOrBelow) {
        Set<Long> g = gapsAtOrBelow == null || gapsAtOrBelow.isEmpty() ? Set.of() : Set.copyOf(gapsAtOrBelow);
        if (size > 0) {
            long last = positions[size - 1];
            if (position < last) {
                position = last;
            }
            if (position == last && g.equals(gaps[size - 1])) {
                return false;
            }
        }
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
            gaps = Arrays.copyOf(gaps, size * 2);
        }
        nanos[size] = nanoTime;
        positions[size] = position;
        gaps[size] = g;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    /** The first recorded time at which the event with this global index was visible, or -1 if it never was. */
    long firstVisible(long globalIndex) {
        // first entry whose position reaches the index (positions are non-decreasing)
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] >= globalIndex) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        for (int i = lo; i < size; i++) {
            if (!gaps[i].contains(globalIndex)) {
                return nanos[i];
            }
        }
        return -1;
    }

    /** The latest recorded position, -1 when nothing was recorded. */
    long lastPosition() {
        return size == 0 ? -1 : positions[size - 1];
    }

    @SuppressWarnings("unchecked")
    private static Set<Long>[] newGapArray(int n) {
        return (Set<Long>[]) new Set<?>[n];
    }
}
