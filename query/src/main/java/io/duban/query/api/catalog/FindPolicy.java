package io.duban.query.api.catalog;

/** One imported policy. Answer: {@link PolicyView}; unknown id: a not-found failure (404 on the REST api). */
public record FindPolicy(String policyId) {
}
