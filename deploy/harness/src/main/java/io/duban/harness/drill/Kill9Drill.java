package io.duban.harness.drill;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code drill kill9}: one node, {@code --commands} REST commands (registrations and progress reports) from
 * {@code --threads} threads; when half of them are acknowledged the node gets SIGKILL and is started again on the
 * same data while the clients keep retrying what got no answer. Then every acknowledged command must have its event
 * in the store, every commitment's stream must be gap-free and the commitments view must equal the store.
 */
final class Kill9Drill implements Drill {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public String name() {
        return "kill9";
    }

    @Override
    public String summary() {
        return "one node, 1,000 REST commands, kill -9 in the middle, restart: acknowledged = stored, views = store "
                + "[--db=h2|postgres --mongo=embedded|standalone --commands=1000 --threads=8 --kill-after=N]";
    }

    @Override
    public DrillReport run(List<String> args, PrintStream out) throws Exception {
        DrillSupport.quietLogging();
        DrillOptions options = DrillOptions.parse(args,
                Set.of("db", "mongo", "commands", "threads", "kill-after", "commitments"));
        Path jar = ChildProcess.locateJar(options.string("jar", null));
        String pgUrl = options.postgresUrl(System.getenv("DUBAN_DRILL_POSTGRES_URL"));
        String db = options.string("db", null);
        if (db == null) {
            db = DrillWorkspace.reachable(pgUrl) ? "postgres" : "h2";
            out.println("--db not given: " + db + (db.equals("h2") ? " (no PostgreSQL at " + pgUrl + ")" : ""));
        }
        db = options.choice("db", db, Set.of("h2", "postgres"));
        String mongo = options.choice("mongo", db.equals("postgres") ? "standalone" : "embedded",
                Set.of("embedded", "standalone"));
        int commands = options.positive("commands", 1000);
        int threads = options.positive("threads", 8);
        int commitments = Math.min(60, options.positive("commitments", 60));
        int killAfter = options.positive("kill-after", commands / 2);
        if (commands <= commitments) {
            throw new IllegalArgumentException("--commands must exceed --commitments (" + commitments + ")");
        }
        if (killAfter >= commands) {
            throw new IllegalArgumentException("--kill-after must be below --commands");
        }
        String xmx = options.xmx();

        DrillReport report = new DrillReport("kill9 (" + db + ", " + mongo + " MongoDB-wire server)");
        try (DrillWorkspace ws = new DrillWorkspace(name(), options.string("work-dir", null), options.flag("keep"), out)) {
            String jdbcUrl = db.equals("postgres") ? ws.freshSchema(pgUrl, "duban_drill_kill9") : null;
            Path dataDir = ws.dataDir("node-data");
            MongoProcess mongoServer = null;
            if (mongo.equals("standalone")) {
                mongoServer = new MongoProcess(jar, "256m", DrillWorkspace.freePort(), ws.dataDir("mongo-data")
                        .resolve("views.mv"), ws.log("mongo-server"));
                ws.own(mongoServer, mongoServer.process());
                mongoServer.start(Duration.ofSeconds(60));
                out.println("mongo-server up on port " + mongoServer.port() + " (pid " + mongoServer.pid() + ")");
            }
            AppProcess node = new AppProcess(jar, xmx, new AppProcess.Settings("node", DrillWorkspace.freePort(),
                    dataDir, jdbcUrl, mongoServer == null ? null : mongoServer.uri(), List.of()), ws.log("node"));
            ws.own(node, node.process());
            double boot = node.start(Duration.ofMinutes(4));
            out.printf("node up in %.1f s (pid %d, port %d)%n", boot, node.pid(), node.settings().port());
            String unitId = DrillSupport.unitId(node.http(), "呼和浩特市人民政府", Duration.ofMinutes(1));

            CommandLoad load = new CommandLoad(plan(commands, threads, commitments, unitId), t -> node.http(), 0);
            out.printf("sending %d commands (%d registrations, %d progress reports) from %d threads; kill -9 after %d "
                    + "acknowledgements%n", load.planned(), commitments, load.planned() - commitments, threads, killAfter);
            load.start();
            while (load.acknowledged() < killAfter) {
                Thread.sleep(5);
            }
            long killNanos = load.elapsedNanos();
            long ackedAtKill = load.acknowledged();
            node.kill();
            out.printf("SIGKILL at %.1f s with %d acknowledged%n", killNanos / 1e9, ackedAtKill);
            long restartStart = System.nanoTime();
            node.start(Duration.ofMinutes(4));
            double downtime = load.elapsedNanos() / 1e9 - killNanos / 1e9;
            out.printf("node back after %.1f s (restart took %.1f s)%n", downtime, (System.nanoTime() - restartStart) / 1e9);
            boolean done = load.awaitDone(Duration.ofMinutes(10));
            double total = load.elapsedNanos() / 1e9;
            double caughtUp = DrillSupport.awaitViewsUpToDate(node.http(), Duration.ofMinutes(5));
            out.printf("all commands answered: %s; views up to date %s later%n", done,
                    caughtUp < 0 ? "NOT (5 min)" : DrillSupport.seconds(caughtUp));

            List<CommandLoad.Outcome> outcomes = load.outcomes();
            DrillSupport.Witnessed witnessed;
            if (mongoServer != null && jdbcUrl != null) {
                witnessed = DrillSupport.witness(jdbcUrl, mongoServer.uri());
            } else {
                // the embedded store or views live in the node's process: stop it cleanly, then read its files
                node.stop();
                if (jdbcUrl == null) {
                    witnessed = DrillSupport.witnessEmbedded(dataDir);
                } else {
                    witnessed = witnessEmbeddedViews(jdbcUrl, dataDir);
                }
            }
            AckCheck acks = AckCheck.of(outcomes, witnessed.events(), unitId);

            long beforeKill = outcomes.stream().filter(o -> o.acknowledged() && o.answeredNanos() <= killNanos).count();
            long inFlight = outcomes.stream().filter(CommandLoad.Outcome::unanswered).count();
            long serverErrors = outcomes.stream().filter(o -> o.status() >= 500).count();
            long neverAnswered = outcomes.stream().filter(o -> o.status() == 0).count();
            Map<String, Long> refusals = new TreeMap<>();
            outcomes.stream().filter(o -> o.status() >= 400 && o.status() < 500)
                    .forEach(o -> refusals.merge(o.status() + " " + o.code(), 1L, Long::sum));

            report.figure("database / views", db + " / " + mongo + (mongo.equals("embedded") ? " (in the node's process)" : " (own process)"));
            report.figure("heap per node (-Xmx)", xmx);
            report.figure("commands sent (threads)", outcomes.size() + " of " + load.planned() + " (" + threads + ")");
            report.figure("acknowledged (2xx)", acks.acknowledged());
            report.figure("acknowledged before the SIGKILL", beforeKill);
            report.figure("throughput before the kill", DrillSupport.rate(beforeKill / (killNanos / 1e9)));
            report.figure("without answer at least once (in flight or node down)", inFlight);
            report.figure("refused 4xx (status code: count)", refusals.isEmpty() ? "none" : refusals.toString());
            report.figure("node start / restart after SIGKILL to healthy", DrillSupport.seconds(boot) + " / "
                    + DrillSupport.seconds(downtime));
            report.figure("whole run (first command to last answer)", DrillSupport.seconds(total));
            report.figure("views up to date after the last answer", caughtUp < 0 ? "no (5 min)" : DrillSupport.seconds(caughtUp));
            report.figure("commitment events in the store", witnessed.events().size());
            report.figure("progress notes stored twice (in flight at the kill, sent again)", acks.storedTwice());
            for (int i = 0; i < acks.examples().size(); i++) {
                report.figure("missing #" + (i + 1), acks.examples().get(i));
            }
            List<String> differs = witnessed.result().examples(5);
            for (int i = 0; i < differs.size(); i++) {
                report.figure("view differs #" + (i + 1), differs.get(i));
            }

            report.check("acknowledged commands whose event is not in the store", acks.missing());
            report.check("commands never answered", neverAnswered);
            report.check("commands answered 5xx", serverErrors);
            report.check("events a processor skipped (logged and went on)",
                    node.process().countLogLines(MongoOutageDrill.SKIPPED));
            report.check("commitment streams with a sequence gap", Convergence.streamsWithGaps(witnessed.expected()));
            report.check("views up to date after the restart (0 = yes)", caughtUp < 0 ? 1 : 0);
            report.check("views different from the store (" + witnessed.result().compared() + " commitments, "
                    + witnessed.result().events() + " events)", witnessed.result().wrong());
        }
        return report;
    }

    /** PostgreSQL store, views in the node's own file: read the file with a MongoDB-wire server in this process. */
    private static DrillSupport.Witnessed witnessEmbeddedViews(String jdbcUrl, Path dataDir) throws Exception {
        try (var views = io.duban.deploy.mongo.EmbeddedMongoServer.start(dataDir.resolve("views.mv"), 0,
                java.time.Clock.systemUTC())) {
            return DrillSupport.witness(jdbcUrl, "mongodb://" + views.host() + ":" + views.port() + "/duban");
        }
    }

    /**
     * Items 1..commitments registered by 呼和浩特市人民政府, then progress reports until {@code commands}; thread t
     * owns the commitments i with i % threads == t and sends, in order, its registrations and then its reports
     * round-robin over its commitments with rising percentages. Dates far ahead: nothing falls due during the drill.
     */
    static List<List<CommandLoad.Command>> plan(int commands, int threads, int commitments, String unitId) {
        LocalDate today = LocalDate.now(ZONE);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<List<Integer>> owned = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            owned.add(new ArrayList<>());
        }
        for (int i = 0; i < commitments; i++) {
            owned.get(i % threads).add(i + 1);
        }
        int reports = commands - commitments;
        List<List<CommandLoad.Command>> perThread = new ArrayList<>();
        int[] reportsOf = new int[commitments + 1];
        for (int r = 0; r < reports; r++) {
            reportsOf[(r % commitments) + 1]++;
        }
        for (int t = 0; t < threads; t++) {
            List<CommandLoad.Command> list = new ArrayList<>();
            for (int item : owned.get(t)) {
                list.add(CommandLoad.register(item, today.minusDays(30), today.plusDays(200), today.plusDays(400)));
            }
            int round = 1;
            boolean more = true;
            while (more) {
                more = false;
                for (int item : owned.get(t)) {
                    if (round <= reportsOf[item]) {
                        int percent = round * 100 / (reportsOf[item] + 1);
                        list.add(CommandLoad.progress(unitId, item, percent, "drill-" + run + "-" + item + "-" + round));
                        more = true;
                    }
                }
                round++;
            }
            if (!list.isEmpty()) {
                perThread.add(list);
            }
        }
        return perThread;
    }
}
