package io.duban.query.rebuild;

import java.time.Instant;

/** When a rebuild started (wall time and monotonic), when it was first seen up to date, and when it was swapped in. */
final class RebuildRun {
    final Instant startedAt = Instant.now();
    final long startedNanos = System.nanoTime();
    volatile Instant finishedAt;
    volatile long finishedNanos;
    /** When the rebuilt shadow collection replaced the live one; null while the replay runs. */
    volatile Instant swappedAt;
}
