package io.duban.query.board;

/** One support item with its commitments. Answer: {@link ItemDetail}; unknown: {@link io.duban.query.web.NotFoundException}. */
public record FindItem(String policyId, int number) {
}
