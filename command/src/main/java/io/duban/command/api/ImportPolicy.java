package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Import a policy document (意见 text with its appendix table). Idempotent: importing the same text with the same
 * corrections again records nothing; a different text under the same policy id is refused.
 *
 * @param policyId    a short slug chosen by the office, e.g. {@code nzf-2023-1}
 * @param text        the full document text
 * @param corrections the office's corrections from the preview; empty for a direct import
 */
public record ImportPolicy(@TargetAggregateIdentifier String policyId, String text, Actor actor,
                           List<ImportCorrection> corrections) {

    public ImportPolicy {
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** A direct import, as the text reads. */
    public ImportPolicy(String policyId, String text, Actor actor) {
        this(policyId, text, actor, List.of());
    }
}
