package io.duban.command.commitment;

import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.OpenCommitments;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@link OpenCommitments} read from the event store itself, not from a view (as {@link EventSourcedItemCatalog} reads
 * the catalog): every call first reads the events stored since the previous call, synchronously, so a commitment
 * registered or verified before the call (on any node) is counted. The storage engine's gap-aware token picks up an
 * event whose transaction committed after a later one. Only three event types are looked at; the payload of every
 * other event is never deserialised.
 */
@Component
class EventSourcedOpenCommitments implements OpenCommitments {

    private final EventStorageEngine storage;
    /** open commitment id -> unit id, in id order */
    private final Map<String, String> open = new TreeMap<>();
    private final Set<String> verified = new HashSet<>();
    private final Set<String> units = new HashSet<>();
    private TrackingToken token;

    EventSourcedOpenCommitments(EventStorageEngine storage) {
        this.storage = storage;
    }

    @Override
    public synchronized List<String> all() {
        catchUp();
        return List.copyOf(open.keySet());
    }

    @Override
    public synchronized List<String> ofUnit(String unitId) {
        catchUp();
        return open.entrySet().stream().filter(e -> Objects.equals(e.getValue(), unitId)).map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public synchronized boolean isKnownUnit(String unitId) {
        catchUp();
        return units.contains(unitId);
    }

    private void catchUp() {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
            events.forEach(event -> {
                apply(event);
                token = event.trackingToken();
            });
        }
    }

    private void apply(TrackedEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type == CommitmentRegistered.class) {
            CommitmentRegistered registered = (CommitmentRegistered) event.getPayload();
            units.add(registered.unitId());
            if (!verified.contains(registered.commitmentId())) {
                open.put(registered.commitmentId(), registered.unitId());
            }
        } else if (type == CompletionVerified.class) {
            // verification is final (a verified commitment refuses every later command)
            String id = ((CompletionVerified) event.getPayload()).commitmentId();
            verified.add(id);
            open.remove(id);
        } else if (type == PolicyImported.class) {
            PolicyImported imported = (PolicyImported) event.getPayload();
            imported.items().stream().map(SupportItem::units).flatMap(List::stream).map(ResponsibleUnit::unitId)
                    .forEach(units::add);
            imported.coResponsibleUnits().stream().map(ResponsibleUnit::unitId).forEach(units::add);
        }
    }
}
