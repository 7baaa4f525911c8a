package io.duban.query.api.board;

/** One unit's board: its items and commitments with lights. Answer: {@link UnitBoard}; unknown: a not-found failure (404 on the REST api). */
public record FindUnitBoard(String unitId) {
}
