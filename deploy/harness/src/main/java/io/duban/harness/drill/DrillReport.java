package io.duban.harness.drill;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a drill checked, with the counts it found; a drill held when nothing was lost and no check failed. */
public final class DrillReport {

    private final String drill;
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public DrillReport(String drill) {
        this.drill = drill;
    }

    /** A check: {@code lost} counts what went missing or wrong (0 = held). */
    public DrillReport check(String what, long lost) {
        checks.add(new Check(what, lost));
        return this;
    }

    /** A measured figure printed with the report (counts, times), not judged. */
    public DrillReport figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    public boolean held() {
        return !checks.isEmpty() && checks.stream().allMatch(c -> c.lost() == 0);
    }

    public long lost() {
        return checks.stream().mapToLong(Check::lost).sum();
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public Map<String, Object> figures() {
        return Map.copyOf(figures);
    }

    public void print(PrintStream out) {
        out.println();
        out.println("Duban drill — " + drill);
        figures.forEach((k, v) -> out.printf("  %-58s %s%n", k, v));
        for (Check c : checks) {
            out.printf("  [%s] %-54s lost/wrong: %d%n", c.lost() == 0 ? "OK  " : "FAIL", c.what(), c.lost());
        }
        out.printf("  => %s (total lost/wrong: %d)%n", held() ? "HELD" : "FAILED", lost());
    }

    public record Check(String what, long lost) {
    }
}
