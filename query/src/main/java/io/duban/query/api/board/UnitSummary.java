package io.duban.query.api.board;

import io.duban.query.api.light.LightColor;

import java.util.Map;

/**
 * A responsible unit in the list of units.
 *
 * @param itemCount       items it answers for
 * @param registeredCount of those, items it registered a commitment for
 * @param lights          how many of its items show each light (NONE = not registered), every colour present
 */
public record UnitSummary(String unitId, String name, boolean coResponsible, int itemCount, int registeredCount,
                          Map<LightColor, Integer> lights) {
}
