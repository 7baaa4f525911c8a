package io.duban.harness.bench;

/**
 * The targets the figures are printed beside, in one place: issue 14's table (performance near the limit) and issue
 * 13's render time. A target is a statement about the product, so a quick run prints the same target beside its
 * smaller-scale figure; the full run is the one that decides.
 */
final class Targets {

    /** Axon's events/s over raw JDBC inserts of the same rows, one commit per command, same threads and run. */
    static final double WRITE_RATIO = 0.5;
    /** A full view rebuild, events over the wall time of the slowest view, at 1M events. */
    static final double REBUILD_EVENTS_PER_SECOND = 20_000;
    /** The office's overdue list at 100k open commitments: one unit's. */
    static final double OVERDUE_ONE_UNIT_MS = 100;
    /** The same, every unit's. */
    static final double OVERDUE_EVERY_UNIT_MS = 500;
    /** The overdue list's cost grows with the answer, not the collection: time ratio over size ratio. */
    static final double OVERDUE_GROWTH = 1.2;
    /** DingTalk reply → event stored → confirmation at the fake, p99. */
    static final double REPLY_P99_MS = 30;
    /** Projection lag (acknowledged → visible in the commitments view) p99, at {@link #LAG_RATE} updates/s. */
    static final double LAG_P99_MS = 100;
    /** The sustained update rate the lag target holds at, and the bench's default rate. */
    static final int LAG_RATE = 500;
    /** Resident memory with {@code -Xmx256m}, at 100k commitments / 1M events. */
    static final double RSS_MIB = 400;
    /** CPU of an idle node (no requests, nothing due), percent of one core. */
    static final double IDLE_CPU_PERCENT = 2;
    /** 总览 and 待办 at 10,000 commitments on the embedded default, p95. */
    static final double CONSOLE_P95_MS = 300;

    private Targets() {
    }
}
