package io.duban.query.board;

/** One unit's board: its items and commitments with lights. Answer: {@link UnitBoard}; unknown: {@link io.duban.query.web.NotFoundException}. */
public record FindUnitBoard(String unitId) {
}
