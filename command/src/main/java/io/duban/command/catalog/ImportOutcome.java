package io.duban.command.catalog;

/** The result of an import: {@code imported} is false when the same text had already been imported. */
public record ImportOutcome(String policyId, boolean imported, int itemCount) {
}
