package io.duban.query.board;

import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;

import java.util.Collection;
import java.util.LinkedHashMap;
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
}
