package io.duban.harness.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run, as a table of (measure, value, unit, target, PASS/MISS) plus free-form details. */
public final class BenchResult {

    /** One measured figure; {@code target} null when there is none. */
    record Figure(String name, double value, String unit, String comparator, Double target) {

        String verdict() {
            if (target == null || Double.isNaN(value)) {
                return target == null ? "" : "MISS";
            }
            return switch (comparator) {
                case ">=" -> value >= target ? "PASS" : "MISS";
                case "<" -> value < target ? "PASS" : "MISS";
                default -> "";
            };
        }
    }

    private final String target;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    BenchResult(String target) {
        this.target = target;
    }

    void figure(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit, null, null));
    }

    void figure(String name, double value, String unit, String comparator, double target) {
        figures.add(new Figure(name, value, unit, comparator, target));
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    void printTable(PrintStream out) {
        out.println();
        out.println("Duban bench — " + target + "  " + details);
        out.printf("%-58s %14s %-8s %-14s %s%n", "measure", "value", "unit", "target", "");
        for (Figure f : figures) {
            String tgt = f.target() == null ? "" : f.comparator() + " " + format(f.target());
            out.printf("%-58s %14s %-8s %-14s %s%n", f.name(), format(f.value()), f.unit(), tgt, f.verdict());
        }
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target);
        map.put("details", details);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", f.name());
            row.put("value", Double.isNaN(f.value()) ? null : f.value());
            row.put("unit", f.unit());
            if (f.target() != null) {
                row.put("target", f.comparator() + " " + format(f.target()));
                row.put("verdict", f.verdict());
            }
            rows.add(row);
        }
        map.put("figures", rows);
        return map;
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", (long) v);
        }
        return Math.abs(v) < 1 ? String.format("%.4f", v) : String.format("%,.2f", v);
    }
}
