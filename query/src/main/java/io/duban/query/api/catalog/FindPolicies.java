package io.duban.query.api.catalog;

/** Every imported policy, newest year first. Answer: {@code List<PolicyView>}. */
public record FindPolicies() {
}
