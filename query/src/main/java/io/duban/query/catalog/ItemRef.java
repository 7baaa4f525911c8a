package io.duban.query.catalog;

import org.bson.Document;

/** Points at one support item: policy and row number. */
public record ItemRef(String policyId, int number) {

    static ItemRef from(Document stored) {
        return new ItemRef(stored.getString("policyId"), stored.getInteger("number"));
    }
}
