package io.duban.query.board;

/** One commitment in full, with its light. Answer: {@link CommitmentDetail}; unknown: {@link io.duban.query.web.NotFoundException}. */
public record FindCommitment(String commitmentId) {
}
