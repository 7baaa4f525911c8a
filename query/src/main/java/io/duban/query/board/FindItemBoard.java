package io.duban.query.board;

/**
 * The item board of one policy (every policy when policyId is null). Answer: {@code List<ItemBoardEntry>} in row
 * order; an unknown policy: {@link io.duban.query.web.NotFoundException}.
 */
public record FindItemBoard(String policyId) {
}
