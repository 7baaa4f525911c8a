package io.duban.harness.bench;

/** Nearest-rank percentiles of the bench's latency samples. */
final class Percentile {

    private Percentile() {
    }

    /** The value at quantile {@code p} (0..1, nearest rank) of an ascending array; NaN when empty. */
    static double of(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
