package io.duban.query.api.catalog;

/** Points at one support item: policy and row number. */
public record ItemRef(String policyId, int number) {
}
