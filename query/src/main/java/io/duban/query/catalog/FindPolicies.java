package io.duban.query.catalog;

/** Every imported policy, newest year first. Answer: {@code List<PolicyView>}. */
public record FindPolicies() {
}
