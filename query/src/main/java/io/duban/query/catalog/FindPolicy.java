package io.duban.query.catalog;

/** One imported policy. Answer: {@link PolicyView}; unknown id: {@link io.duban.query.web.NotFoundException}. */
public record FindPolicy(String policyId) {
}
