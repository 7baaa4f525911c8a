package io.duban.query.api.board;

/**
 * The item board of one policy (every policy when policyId is null). Answer: {@code List<ItemBoardEntry>} in row
 * order; an unknown policy: a not-found failure (404 on the REST api).
 */
public record FindItemBoard(String policyId) {
}
