package io.duban.harness.drill;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code java -jar duban-harness.jar drill <name> [--key=value ...]}: the crash, outage and abuse drills of issue 6.
 * Exit 0 when the drill held, 1 when it found something lost or wrong, 2 on a usage error.
 */
public final class DrillCli {

    /**
     * Every drill: the process drills here and {@code others} (the abuse drills, given by the caller so that this
     * package does not depend on the one that builds on it). A new drill is one line here or there.
     */
    static List<Drill> drills(List<Drill> others) {
        List<Drill> all = new java.util.ArrayList<>(others);
        all.addAll(List.of(new Kill9Drill(), new MongoOutageDrill(), new TwoNodesDrill()));
        return all;
    }

    private DrillCli() {
    }

    public static int run(List<Drill> others, String[] args, PrintStream out, PrintStream err) {
        Map<String, Drill> byName = drills(others).stream()
                .collect(Collectors.toMap(Drill::name, Function.identity(), (a, b) -> a, TreeMap::new));
        if (args.length == 0 || !byName.containsKey(args[0])) {
            err.println("usage: drill <name> [--key=value ...]; drills:");
            byName.values().forEach(d -> err.printf("  %-16s %s%n", d.name(), d.summary()));
            return 2;
        }
        Drill drill = byName.get(args[0]);
        try {
            DrillReport report = drill.run(Arrays.asList(args).subList(1, args.length), out);
            report.print(out);
            return report.held() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("drill " + drill.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("drill " + drill.name() + " could not run: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }
}
