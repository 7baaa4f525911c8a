package io.duban.harness.drill;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code drill mongo-outage}: a node on PostgreSQL with its views in a standalone MongoDB-wire server process. Under
 * a steady load of progress reports the views' server is killed (or stopped) for {@code --outage} seconds and started
 * again on the same file. Commands must keep being accepted while it is away (they need only the event store), the
 * view processors must retry the batches they could not write (PropagatingErrorHandler) and catch up once it is back,
 * and in the end every acknowledged command must be in the store and the views must equal the store.
 */
final class MongoOutageDrill implements Drill {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "mongo-outage";
    }

    @Override
    public String summary() {
        return "node on PostgreSQL, views' MongoDB-wire server killed for ~15 s under load: commands accepted, views "
                + "catch up, nothing lost [--outage=15s --before=10s --after=10s --rate=20 --threads=4 --stop=kill|term]";
    }

    @Override
    public DrillReport run(List<String> args, PrintStream out) throws Exception {
        DrillSupport.quietLogging();
        DrillOptions options = DrillOptions.parse(args,
                Set.of("outage", "before", "after", "rate", "threads", "stop", "commitments"));
        Path jar = ChildProcess.locateJar(options.string("jar", null));
        String pgUrl = options.postgresUrl(System.getenv("DUBAN_DRILL_POSTGRES_URL"));
        Duration outage = options.duration("outage", Duration.ofSeconds(15));
        Duration before = options.duration("before", Duration.ofSeconds(10));
        Duration after = options.duration("after", Duration.ofSeconds(10));
        int rate = options.positive("rate", 20);
        int threads = options.positive("threads", 4);
        int commitments = Math.min(60, options.positive("commitments", 60));
        String stop = options.choice("stop", "kill", Set.of("kill", "term"));
        String xmx = options.xmx();
        if (!DrillWorkspace.reachable(pgUrl)) {
            throw new IllegalArgumentException("no PostgreSQL at " + pgUrl + " (--pg-url or DUBAN_DRILL_POSTGRES_URL)");
        }

        DrillReport report = new DrillReport("mongo-outage (PostgreSQL, views' server " + (stop.equals("kill")
                ? "killed with SIGKILL" : "stopped with SIGTERM") + ")");
        try (DrillWorkspace ws = new DrillWorkspace(name(), options.string("work-dir", null), options.flag("keep"), out)) {
            String jdbcUrl = ws.freshSchema(pgUrl, "duban_drill_mongo");
            MongoProcess mongo = new MongoProcess(jar, "256m", DrillWorkspace.freePort(),
                    ws.dataDir("mongo-data").resolve("views.mv"), ws.log("mongo-server"));
            ws.own(mongo, mongo.process());
            mongo.start(Duration.ofSeconds(60));
            out.println("mongo-server up on port " + mongo.port() + " (pid " + mongo.pid() + ")");
            AppProcess node = new AppProcess(jar, xmx, new AppProcess.Settings("node", DrillWorkspace.freePort(),
                    ws.dataDir("node-data"), jdbcUrl, mongo.uri(), List.of()), ws.log("node"));
            ws.own(node, node.process());
            double boot = node.start(Duration.ofMinutes(4));
            out.printf("node up in %.1f s (pid %d)%n", boot, node.pid());
            String unitId = DrillSupport.unitId(node.http(), "呼和浩特市人民政府", Duration.ofMinutes(1));

            LocalDate today = LocalDate.now(ZONE);
            CommandLoad registrations = new CommandLoad(CommandLoad.registrations(threads, commitments,
                    today.minusDays(30), today.plusDays(200), today.plusDays(400)), t -> node.http(), 0).start();
            registrations.awaitDone(Duration.ofMinutes(5));
            out.printf("%d commitments registered%n", registrations.acknowledged());

            String run = "outage-" + Long.toString(System.currentTimeMillis(), 36);
            CommandLoad load = new CommandLoad(CommandLoad.progressReports(threads, commitments, 100, unitId, run),
                    t -> node.http(), rate).start();
            out.printf("steady load: %d progress reports/s from %d threads%n", rate, threads);
            Thread.sleep(before.toMillis());

            long downAt = load.elapsedNanos();
            if (stop.equals("kill")) {
                mongo.kill();
            } else {
                mongo.stop();
            }
            out.printf("views' server %s at %.1f s%n", stop.equals("kill") ? "killed (SIGKILL)" : "stopped (SIGTERM)",
                    downAt / 1e9);
            AtomicBoolean probing = new AtomicBoolean(true);
            String someCommitment = "/api/commitments/" + CommandLoad.commitmentId(1, unitId);
            // a load balancer's health check gives up after a few seconds: so do the probes
            DrillHttp impatient = new DrillHttp(node.settings().port(), PROBE_TIMEOUT);
            List<Probe> probes = List.of(new Probe("/actuator/health", null, impatient, probing),
                    new Probe("/actuator/health/readiness", null, impatient, probing),
                    new Probe("GET a commitment", someCommitment, impatient, probing));
            probes.forEach(Probe::start);
            Thread.sleep(outage.toMillis());
            long restartAt = load.elapsedNanos();
            mongo.start(Duration.ofSeconds(90));
            long upAt = load.elapsedNanos();
            probing.set(false);
            out.printf("views' server back at %.1f s (pid %d), %.1f s down%n", upAt / 1e9, mongo.pid(),
                    (upAt - downAt) / 1e9);
            Thread.sleep(after.toMillis());
            load.stopAndWait();
            long loadEnd = load.elapsedNanos();
            for (Probe probe : probes) {
                probe.join(70_000);
            }

            double caughtUp = DrillSupport.awaitViewsUpToDate(node.http(), Duration.ofMinutes(5));
            double sinceBack = caughtUp < 0 ? -1 : (load.elapsedNanos() - upAt) / 1e9;
            out.printf("views up to date %.1f s after the load ended, %.1f s after the server came back%n", caughtUp,
                    sinceBack);

            List<CommandLoad.Outcome> outcomes = load.outcomes();
            DrillSupport.Witnessed witnessed = DrillSupport.witness(jdbcUrl, mongo.uri());
            List<CommandLoad.Outcome> all = new java.util.ArrayList<>(registrations.outcomes());
            all.addAll(outcomes);
            AckCheck acks = AckCheck.of(all, witnessed.events(), unitId);

            long acceptedBefore = count(outcomes, 0, downAt);
            long acceptedDuring = count(outcomes, downAt, upAt);
            long acceptedAfter = count(outcomes, upAt, loadEnd + 1);
            long serverErrors = outcomes.stream().filter(o -> o.status() >= 500 || o.status() == 0).count();
            Map<String, Long> refusals = new TreeMap<>();
            outcomes.stream().filter(o -> o.status() >= 400 && o.status() < 500)
                    .forEach(o -> refusals.merge(o.status() + " " + o.code(), 1L, Long::sum));

            report.figure("heap per node (-Xmx)", xmx);
            report.figure("load (progress reports, threads)", rate + "/s target, " + threads + " threads");
            report.figure("views' server kept down (" + (stop.equals("kill") ? "SIGKILL" : "SIGTERM")
                    + " to restart)", DrillSupport.seconds((restartAt - downAt) / 1e9));
            report.figure("views' server unreachable (down to listening again)",
                    DrillSupport.seconds((upAt - downAt) / 1e9) + " (its restart on the same file took "
                            + DrillSupport.seconds((upAt - restartAt) / 1e9) + ")");
            report.figure("accepted before the outage", acceptedBefore + " in " + DrillSupport.seconds(downAt / 1e9)
                    + " (" + DrillSupport.rate(acceptedBefore / (downAt / 1e9)) + ")");
            report.figure("accepted during the outage", acceptedDuring + " in " + DrillSupport.seconds((upAt - downAt) / 1e9)
                    + " (" + DrillSupport.rate(acceptedDuring / ((upAt - downAt) / 1e9)) + ")");
            report.figure("accepted after it came back", acceptedAfter + " in " + DrillSupport.seconds((loadEnd - upAt) / 1e9)
                    + " (" + DrillSupport.rate(acceptedAfter / ((loadEnd - upAt) / 1e9)) + ")");
            report.figure("refused 4xx (status code: count)", refusals.isEmpty() ? "none" : refusals.toString());
            for (Probe probe : probes) {
                report.figure(probe.label + " during the outage, every 1 s (answer: times)", probe.summary());
            }
            report.figure("views up to date after the server came back", sinceBack < 0 ? "no (5 min)"
                    : DrillSupport.seconds(sinceBack));
            report.figure("commitment events in the store", witnessed.events().size());
            List<String> differs = witnessed.result().examples(5);
            for (int i = 0; i < differs.size(); i++) {
                report.figure("view differs #" + (i + 1), differs.get(i));
            }
            for (int i = 0; i < acks.examples().size(); i++) {
                report.figure("missing #" + (i + 1), acks.examples().get(i));
            }

            report.check("acknowledged commands whose event is not in the store", acks.missing());
            report.check("commands accepted during the outage (0 = some were)", acceptedDuring > 0 ? 0 : 1);
            report.check("commands answered 5xx or not at all", serverErrors);
            report.check("views up to date after the outage (0 = yes)", caughtUp < 0 ? 1 : 0);
            report.check("events a processor skipped (logged and went on)", node.process().countLogLines(SKIPPED));
            report.check("readiness probe not UP during the outage (times)", probes.get(1).notUp());
            report.check("views different from the store (" + witnessed.result().compared() + " commitments, "
                    + witnessed.result().events() + " events)", witnessed.result().wrong());
        }
        return report;
    }

    /** What Axon's LoggingErrorHandler logs when it gives up on an event and goes on with the next one. */
    static final String SKIPPED = "failed to handle event";

    /** Asks one URL every second while the outage lasts, and counts the answers. */
    private static final class Probe extends Thread {

        final String label;
        private final String path;
        private final DrillHttp http;
        private final AtomicBoolean running;
        private final Map<String, Integer> answers = new ConcurrentHashMap<>();
        private volatile long slowestMillis;

        Probe(String label, String path, DrillHttp http, AtomicBoolean running) {
            super("drill-probe");
            setDaemon(true);
            this.label = label;
            this.path = path == null ? label : path;
            this.http = http;
            this.running = running;
        }

        @Override
        public void run() {
            while (running.get()) {
                long t0 = System.nanoTime();
                DrillHttp.Answer answer = http.get(path.startsWith("/api/") ? "inspector" : null, path);
                slowestMillis = Math.max(slowestMillis, (System.nanoTime() - t0) / 1_000_000);
                String key = !answer.answered() ? "no answer in " + PROBE_TIMEOUT.toSeconds() + " s"
                        : answer.status() + (path.startsWith("/actuator") ? " " + status(answer.body()) : "");
                answers.merge(key, 1, Integer::sum);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        String summary() {
            return new TreeMap<>(answers) + ", slowest " + slowestMillis + " ms";
        }

        long notUp() {
            return answers.entrySet().stream().filter(e -> !e.getKey().equals("200 UP")).mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    private static long count(List<CommandLoad.Outcome> outcomes, long fromNanos, long toNanos) {
        return outcomes.stream().filter(o -> o.acknowledged() && o.answeredNanos() >= fromNanos
                && o.answeredNanos() < toNanos).count();
    }

    /** "UP", "DOWN" … from a health answer. */
    private static String status(String body) {
        int at = body == null ? -1 : body.indexOf("\"status\":\"");
        if (at < 0) {
            return "";
        }
        int end = body.indexOf('"', at + 10);
        return body.substring(at + 10, end < 0 ? body.length() : end);
    }
}
