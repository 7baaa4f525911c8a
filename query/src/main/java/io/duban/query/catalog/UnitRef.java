package io.duban.query.catalog;

import org.bson.Document;

/** A responsible unit as listed on an item or a policy. */
public record UnitRef(String unitId, String name, boolean coResponsible) {

    static UnitRef from(Document stored, boolean defaultCoResponsible) {
        Boolean co = stored.getBoolean("coResponsible");
        return new UnitRef(stored.getString("unitId"), stored.getString("name"), co == null ? defaultCoResponsible : co);
    }
}
