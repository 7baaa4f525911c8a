package io.duban.query.api.board;

import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.light.Light;

/**
 * A commitment with everything the view holds and its light. Its {@code progress} is the one figure every reader
 * shows ({@link io.duban.command.api.ProgressFigure}: 100 once verified), {@code reportedProgress} what the unit
 * last reported.
 */
public record CommitmentDetail(CommitmentView commitment, Light light) {

    public static CommitmentDetail of(CommitmentView commitment, Light light) {
        return new CommitmentDetail(commitment, light);
    }
}
