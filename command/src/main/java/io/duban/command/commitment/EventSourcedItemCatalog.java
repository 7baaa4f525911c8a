package io.duban.command.commitment;

import io.duban.command.api.SupportItem;
import io.duban.command.catalog.Policy;
import io.duban.command.guard.AggregateIds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads the catalog from the Policy aggregate itself (not from a view), so registration rules hold even while the
 * views are being rebuilt.
 */
@Component
class EventSourcedItemCatalog implements ItemCatalog {

    private final Repository<Policy> policies;
    private final EventStore eventStore;

    EventSourcedItemCatalog(Repository<Policy> policies, EventStore eventStore) {
        this.policies = policies;
        this.eventStore = eventStore;
    }

    @Override
    public Optional<SupportItem> findItem(String policyId, int itemNumber) {
        if (policyId == null || policyId.isBlank() || !AggregateIds.usable(policyId)) {
            return Optional.empty();
        }
        try {
            return policies.load(policyId).invoke(policy -> policy.item(itemNumber));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isRegistered(String commitmentId) {
        if (!AggregateIds.usable(commitmentId)) {
            return false;
        }
        return eventStore.lastSequenceNumberFor(commitmentId).isPresent();
    }
}
