package io.duban.query.api.board;

/** One support item with its commitments. Answer: {@link ItemDetail}; unknown: a not-found failure (404 on the REST api). */
public record FindItem(String policyId, int number) {
}
