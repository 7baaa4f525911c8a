package io.duban.query.catalog;

import org.bson.Document;

import java.util.List;

/** A responsible unit with the items it answers for, over every policy. */
public record UnitView(String unitId, String name, boolean coResponsible, List<String> policyIds, List<ItemRef> items) {

    static UnitView from(Document d) {
        return new UnitView(d.getString("_id"), d.getString("name"), d.getBoolean("coResponsible", false),
                d.getList("policyIds", String.class, List.of()),
                d.getList("items", Document.class, List.of()).stream().map(ItemRef::from).toList());
    }
}
