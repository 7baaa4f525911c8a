package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Import a policy document (意见 text with its appendix table). Idempotent: importing the same text again records
 * nothing; a different text under the same policy id is refused.
 *
 * @param policyId a short slug chosen by the office, e.g. {@code nzf-2023-1}
 * @param text     the full document text
 */
public record ImportPolicy(@TargetAggregateIdentifier String policyId, String text, Actor actor) {
}
