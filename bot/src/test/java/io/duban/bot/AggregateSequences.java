package io.duban.bot;

import java.util.HashMap;
import java.util.Map;

/** Sequence numbers as the event store hands them to a projection: 0, 1, 2, … per aggregate. */
public final class AggregateSequences {

    private final Map<String, Long> next = new HashMap<>();

    public long next(String aggregateId) {
        return next.merge(aggregateId, 1L, Long::sum) - 1;
    }
}
