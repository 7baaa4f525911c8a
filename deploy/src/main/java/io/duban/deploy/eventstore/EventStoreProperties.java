package io.duban.deploy.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event store tuning that Axon offers no Spring property for.
 *
 * @param batchSize events read per query, both when loading an aggregate and when a streaming processor fetches the
 *                  next events (Axon's default, 100: one query loads any ordinary aggregate, and it matches the
 *                  processor batch size recommended in the stack facts)
 */
@ConfigurationProperties("duban.event-store")
public record EventStoreProperties(@DefaultValue("100") int batchSize) {

    public EventStoreProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("duban.event-store.batch-size must be positive, was " + batchSize);
        }
    }
}
