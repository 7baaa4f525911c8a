package io.duban.query.api.catalog;

/** A responsible unit as listed on an item or a policy. */
public record UnitRef(String unitId, String name, boolean coResponsible) {
}
