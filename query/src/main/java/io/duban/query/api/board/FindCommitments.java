package io.duban.query.api.board;

import io.duban.query.api.light.LightColor;

/**
 * Commitments matching every given filter (null = any). Answer: {@code List<CommitmentSummary>} in policy, item and
 * unit order. The light is computed at read time, so that filter is applied after reading.
 */
public record FindCommitments(String unitId, String policyId, Integer itemNumber, LightColor light) {

    public static FindCommitments all() {
        return new FindCommitments(null, null, null, null);
    }
}
