package io.duban.command.commitment;

import io.duban.command.api.SupportItem;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalog port filled by hand, so fixtures can state which items and registrations exist. */
final class InMemoryItemCatalog implements ItemCatalog {

    private final Map<String, SupportItem> items = new HashMap<>();
    private final Set<String> registered = new HashSet<>();

    InMemoryItemCatalog with(String policyId, SupportItem item) {
        items.put(policyId + "#" + item.number(), item);
        return this;
    }

    InMemoryItemCatalog withRegistered(String commitmentId) {
        registered.add(commitmentId);
        return this;
    }

    @Override
    public Optional<SupportItem> findItem(String policyId, int itemNumber) {
        return Optional.ofNullable(items.get(policyId + "#" + itemNumber));
    }

    @Override
    public boolean isRegistered(String commitmentId) {
        return registered.contains(commitmentId);
    }
}
