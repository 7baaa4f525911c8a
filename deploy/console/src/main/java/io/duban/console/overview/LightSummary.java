package io.duban.console.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.console.Lights;
import io.duban.query.api.light.LightColor;
import io.duban.query.api.board.UnitSummary;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The counts by light and the lights-by-unit chart, from the units' current lights (which the board summary
 * carries, so the page reads them without a query of their own).
 *
 * @param counts   one per light, worst first, zeros included
 * @param expected every unit × item pair (= the sum of the counts)
 */
public record LightSummary(List<LightCount> counts, int expected, Chart byUnit) {

    /** Worst first, as the board shows them. */
    static final List<LightColor> ORDER = List.of(LightColor.RED, LightColor.YELLOW, LightColor.GREEN,
            LightColor.DONE, LightColor.NONE);
    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    /** A light with its count, e.g. 逾期 3; {@code key} is the CSS modifier (red, yellow, …). */
    public record LightCount(String key, String label, int count) {
    }

    static LightSummary of(List<UnitSummary> units, ObjectMapper json) {
        Map<LightColor, Integer> totals = new EnumMap<>(LightColor.class);
        units.forEach(unit -> unit.lights().forEach((color, n) -> totals.merge(color, n, Integer::sum)));
        List<LightCount> counts = ORDER.stream()
                .map(color -> new LightCount(Lights.key(color), color.label(), totals.getOrDefault(color, 0)))
                .toList();
        int expected = counts.stream().mapToInt(LightCount::count).sum();
        return new LightSummary(counts, expected, chart(units, json));
    }

    /** Lights by unit, the units with most overdue and warned items first; units without items are left out. */
    private static Chart chart(List<UnitSummary> units, ObjectMapper json) {
        List<UnitSummary> shown = new ArrayList<>(units.stream().filter(u -> items(u) > 0).toList());
        shown.sort(Comparator.comparing((UnitSummary u) -> -count(u, LightColor.RED))
                .thenComparing(u -> -count(u, LightColor.YELLOW))
                .thenComparing(UnitSummary::name, CHINESE));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("units", shown.stream().map(UnitSummary::name).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (LightColor color : ORDER) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("key", Lights.key(color));
            s.put("name", color.label());
            s.put("data", shown.stream().map(u -> count(u, color)).toList());
            series.add(s);
        }
        chart.put("series", series);
        return Chart.of(json, chart, shown.isEmpty());
    }

    private static int items(UnitSummary unit) {
        return unit.lights().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int count(UnitSummary unit, LightColor color) {
        return unit.lights().getOrDefault(color, 0);
    }
}
