package io.duban.query.board;

import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts lights per colour, worst first, every colour present (so the JSON always has the same keys). */
final class LightCounts {

    private LightCounts() {
    }

    static Map<LightColor, Integer> of(Collection<Light> lights) {
        Map<LightColor, Integer> counts = new LinkedHashMap<>();
        LightColor[] colors = LightColor.values();
        for (int i = colors.length - 1; i >= 0; i--) {
            counts.put(colors[i], 0);
        }
        lights.forEach(light -> counts.merge(light.color(), 1, Integer::sum));
        return counts;
    }

    /** As {@link #of(Collection)}, from counts already made, with {@code none} more as NONE. */
    static Map<LightColor, Integer> of(Map<LightColor, Integer> counted, int none) {
        Map<LightColor, Integer> counts = of(List.of());
        counted.forEach((color, n) -> counts.merge(color, n, Integer::sum));
        counts.merge(LightColor.NONE, none, Integer::sum);
        return counts;
    }
}
