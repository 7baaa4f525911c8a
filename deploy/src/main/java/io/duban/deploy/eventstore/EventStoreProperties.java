package io.duban.deploy.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event store tuning that Axon offers no Spring property for.
 *
 * @param batchSize events read per query, both when loading an aggregate and when a streaming processor fetches the
 *                  next events (Axon's default, 100: one query loads any ordinary aggregate, and it matches the
 *                  processor batch size recommended in the stack facts)
 * @param cachedEvents the newest events the store keeps in memory for the processors that are caught up (they read
 *                     from there instead of querying the table). Axon's default is 10,000: with their payloads
 *                     deserialized that is tens of MiB of a 256 MiB heap, held for good, and the heap then lived
 *                     close to its old generation (a full collection of 0.4 s every second under the console's
 *                     load). A processor only needs the events since its last batch; one further behind reads the
 *                     table, as it does during a catch-up anyway.
 */
@ConfigurationProperties("duban.event-store")
public record EventStoreProperties(@DefaultValue("100") int batchSize, @DefaultValue("1000") int cachedEvents) {

    public EventStoreProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("duban.event-store.batch-size must be positive, was " + batchSize);
        }
        if (cachedEvents < 1) {
            throw new IllegalArgumentException("duban.event-store.cached-events must be positive, was " + cachedEvents);
        }
    }
}
