package io.duban.query.api.board;

/** One commitment in full, with its light. Answer: {@link CommitmentDetail}; unknown: a not-found failure (404 on the REST api). */
public record FindCommitment(String commitmentId) {
}
