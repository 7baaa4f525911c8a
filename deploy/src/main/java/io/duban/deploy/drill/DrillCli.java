package io.duban.deploy.drill;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code java -jar duban.jar drill <name> [--key=value ...]}: the crash, outage and abuse drills of issue 6.
 * Exit 0 when the drill held, 1 when it found something lost or wrong, 2 on a usage error.
 */
public final class DrillCli {

    /** Every drill, by name. A new drill is one line here. */
    static List<Drill> drills() {
        return List.of(
                new io.duban.deploy.drill.abuse.HostileDrill(),
                new io.duban.deploy.drill.abuse.DingTalkOutageDrill(),
                new Kill9Drill(), new MongoOutageDrill(), new TwoNodesDrill());
    }

    private DrillCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Drill> byName = drills().stream()
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
