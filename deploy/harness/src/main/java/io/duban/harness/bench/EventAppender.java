package io.duban.harness.bench;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Seeds events straight into Axon's event store (commands would take hours at the bench's sizes), in batches of
 * {@value #BATCH} per append; counts what it appended.
 */
final class EventAppender {

    static final int BATCH = 1_000;

    private final EventStore eventStore;
    private List<EventMessage<?>> batch = new ArrayList<>(BATCH);
    private long appended;

    EventAppender(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void add(EventMessage<?> event) {
        batch.add(event);
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    void addAll(List<? extends EventMessage<?>> events) {
        events.forEach(this::add);
    }

    /** Appends what is pending; answers the events appended so far. */
    long flush() {
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
            appended += batch.size();
            batch = new ArrayList<>(BATCH);
        }
        return appended;
    }
}
