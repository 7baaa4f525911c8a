package io.duban.query.api.board;

import io.duban.query.api.catalog.UnitView;
import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;

import java.util.List;
import java.util.Map;

/** A unit's board: one row per item it answers for, with its commitment (if registered) and light. */
public record UnitBoard(UnitView unit, Map<LightColor, Integer> lights, List<UnitBoardRow> rows) {

    /**
     * @param commitment the unit's commitment for the item, null when not registered (light NONE)
     */
    public record UnitBoardRow(String policyId, int number, String text, String articleTitle,
                               Light light, CommitmentSummary commitment) {
    }
}
