package io.duban.query.board;

import io.duban.query.commitment.CommitmentView;
import io.duban.query.light.Light;

/**
 * A commitment with everything the view holds, its effective progress (100 once verified) and its light.
 */
public record CommitmentDetail(CommitmentView commitment, int effectiveProgress, Light light) {

    static CommitmentDetail of(CommitmentView commitment, Light light) {
        return new CommitmentDetail(commitment, commitment.effectiveProgress(), light);
    }
}
