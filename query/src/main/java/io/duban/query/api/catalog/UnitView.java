package io.duban.query.api.catalog;

import java.util.List;

/** A responsible unit with the items it answers for, over every policy. */
public record UnitView(String unitId, String name, boolean coResponsible, List<String> policyIds, List<ItemRef> items) {
}
