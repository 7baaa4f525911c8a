package io.duban.harness;

import io.duban.deploy.DubanApplication;
import io.duban.harness.bench.BenchCli;
import io.duban.harness.demo.DemoApplication;
import io.duban.harness.drill.DrillCli;
import io.duban.harness.drill.abuse.DingTalkOutageDrill;
import io.duban.harness.drill.abuse.HostileDrill;
import io.duban.harness.mongo.MongoServerCli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar duban-harness.jar <command> …}: what runs the product without being part of it. The product jar
 * ({@code deploy/target/duban.jar}) knows none of this.
 */
public final class HarnessCli {

    static final String USAGE = """
            usage: java -jar duban-harness.jar <command> [--key=value ...]
              demo          the product in its demo profile with the DingTalk fake and /api/dev/dingtalk/**
              bench         figures of issue 6 on a fresh database (an unknown option prints the options)
              drill <name>  crash, outage and abuse drills (drill without a name lists them)
              mongo-server  the views' MongoDB-wire server as a process of its own""";

    private HarnessCli() {
    }

    public static void main(String[] args) {
        DubanApplication.quietAxon();
        if (args.length > 0 && "demo".equals(args[0])) {
            // runs until stopped, like the product itself
            DemoApplication.run(rest(args));
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /** The commands that end: their exit code (2 on a usage error). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        return switch (command) {
            // the benchmark boots the product itself, on a fresh temp database, and prints figures
            case "bench" -> BenchCli.run(rest(args), out, err);
            // each drill starts what it needs and prints what it checked and what was lost
            case "drill" -> DrillCli.run(List.of(new HostileDrill(), new DingTalkOutageDrill()), rest(args), out, err);
            // blocks until SIGTERM
            case "mongo-server" -> MongoServerCli.run(rest(args), out, err);
            default -> {
                err.println(USAGE);
                yield 2;
            }
        };
    }

    private static String[] rest(String[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }
}
