package io.duban.command.commitment;

import io.duban.command.api.SupportItem;

import java.util.Optional;

/**
 * What registration needs to know beyond the commitment itself: the item being committed to, and whether the
 * (item, unit) pair already has a commitment.
 */
public interface ItemCatalog {

    Optional<SupportItem> findItem(String policyId, int itemNumber);

    boolean isRegistered(String commitmentId);
}
