package io.duban.harness.drill;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.duban.command.calendar.CsvWorkingCalendar;
import io.duban.command.calendar.WorkingCalendar;

/**
 * {@code drill two-nodes}: two application nodes on one PostgreSQL schema and one standalone mongo-server.
 * <ol>
 *   <li>the view processors' segments ({@code duban.views.segments=2}) end up split between the nodes;</li>
 *   <li>commitments whose milestone is long overdue make Quartz fire their due-date and escalation deadlines at once,
 *       and a "mid-ladder" batch has its level-3 step due at business start a few minutes later: every step must be
 *       stored exactly once and every deadline job run exactly once over both nodes;</li>
 *   <li>progress reports on the same commitment are sent to both nodes at the same instant: each is either stored
 *       (consecutive sequence numbers) or refused with a problem detail, never lost, never a 500;</li>
 *   <li>node A is killed (or stopped): node B takes its segments over and the views keep converging to the store;
 *       the level-3 steps due after that fire on B, once.</li>
 * </ol>
 */
final class TwoNodesDrill implements Drill {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String JOB_DONE = "Job successfully executed. Deadline message [";
    private static final String MILESTONE_OVERDUE = "MilestoneBecameOverdue";
    private static final String ESCALATION_STARTED = "EscalationStarted";
    private static final String ESCALATION_RAISED = "EscalationRaised";

    @Override
    public String name() {
        return "two-nodes";
    }

    @Override
    public String summary() {
        return "two nodes on one PostgreSQL schema + mongo-server: segments split, Quartz fires once, racing commands, "
                + "node A killed and taken over [--segments=2 --rounds=5 --stop=kill|term --step-delay=360s]";
    }

    @Override
    public DrillReport run(List<String> args, PrintStream out) throws Exception {
        DrillSupport.quietLogging();
        DrillOptions options = DrillOptions.parse(args, Set.of("segments", "rounds", "stop", "step-delay", "overdue"));
        Path jar = ChildProcess.locateJar(options.string("jar", null));
        String pgUrl = options.postgresUrl(System.getenv("DUBAN_DRILL_POSTGRES_URL"));
        int segments = options.positive("segments", 2);
        int rounds = Math.min(9, options.positive("rounds", 5));
        String stop = options.choice("stop", "kill", Set.of("kill", "term"));
        Duration stepDelay = options.duration("step-delay", Duration.ofSeconds(360));
        int overdue = Math.min(20, options.positive("overdue", 20));
        String xmx = options.xmx();
        if (!DrillWorkspace.reachable(pgUrl)) {
            throw new IllegalArgumentException("no PostgreSQL at " + pgUrl + " (--pg-url or DUBAN_DRILL_POSTGRES_URL)");
        }

        // the dates: batch 1 overdue past the whole ladder (3,7 working days), batch 2 in the middle of it
        WorkingCalendar calendar = bundledCalendar();
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        LocalDate today = now.toLocalDate();
        ZonedDateTime businessStart = now.plus(stepDelay).truncatedTo(ChronoUnit.SECONDS);
        boolean midLadder = calendar.isWorkingDay(today) && businessStart.toLocalDate().equals(today);
        LocalDate longOverdue = calendar.minusWorkingDays(today, 12);
        LocalDate midOverdue = calendar.minusWorkingDays(today, 8);
        String businessStartText = midLadder ? businessStart.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME)
                : LocalTime.of(9, 0).toString();
        List<Integer> batch1 = items(1, overdue);
        List<Integer> batch2 = midLadder ? items(21, overdue) : List.of();
        List<Integer> racing = items(41, 20);

        DrillReport report = new DrillReport("two-nodes (PostgreSQL, " + segments + " segments per view, node A "
                + (stop.equals("kill") ? "killed with SIGKILL" : "stopped with SIGTERM") + ")");
        try (DrillWorkspace ws = new DrillWorkspace(name(), options.string("work-dir", null), options.flag("keep"), out)) {
            String jdbcUrl = ws.freshSchema(pgUrl, "duban_drill_two");
            MongoProcess mongo = new MongoProcess(jar, "256m", DrillWorkspace.freePort(),
                    ws.dataDir("mongo-data").resolve("views.mv"), ws.log("mongo-server"));
            ws.own(mongo, mongo.process());
            mongo.start(Duration.ofSeconds(60));
            List<String> shared = List.of("--duban.views.segments=" + segments,
                    "--duban.schedule.business-start=" + businessStartText);
            AppProcess a = new AppProcess(jar, xmx, new AppProcess.Settings("node A", DrillWorkspace.freePort(),
                    ws.dataDir("node-a"), jdbcUrl, mongo.uri(), shared), ws.log("node-a"));
            AppProcess b = new AppProcess(jar, xmx, new AppProcess.Settings("node B", DrillWorkspace.freePort(),
                    ws.dataDir("node-b"), jdbcUrl, mongo.uri(), shared), ws.log("node-b"));
            ws.own(a, a.process());
            ws.own(b, b.process());
            // one after the other, as a rolling start: two first starts on an empty database would race to create it
            double bootA = a.start(Duration.ofMinutes(4));
            out.printf("node A up in %.1f s (pid %d)%n", bootA, a.pid());
            double bootB = b.start(Duration.ofMinutes(4));
            long bUp = System.nanoTime();
            out.printf("node B up in %.1f s (pid %d)%n", bootB, b.pid());
            out.printf("business start (level-3 steps of batch 2) at %s%s%n", businessStartText,
                    midLadder ? "" : " — not today: no mid-ladder batch (not a working day, or past midnight)");

            // 1. the segments split
            Map<String, Map<Integer, String>> split = awaitSplit(jdbcUrl, a, b, Duration.ofSeconds(120));
            double splitSeconds = (System.nanoTime() - bUp) / 1e9;
            out.println("view segments after B joined (processor: segment=owner):");
            split.forEach((processor, owners) -> out.println("  " + processor + ": " + owners));
            long unsplit = split.values().stream().filter(owners -> !(owners.containsValue("A") && owners.containsValue("B"))).count();

            // 2. registrations through both nodes; batch 1 and 2 overdue (Quartz fires), batch 3 for the race
            String unitId = DrillSupport.unitId(a.http(), "呼和浩特市人民政府", Duration.ofMinutes(1));
            List<CommandLoad.Command> registrations = new ArrayList<>();
            batch1.forEach(i -> registrations.add(CommandLoad.register(i, longOverdue.minusDays(30), longOverdue, today.plusDays(400))));
            batch2.forEach(i -> registrations.add(CommandLoad.register(i, midOverdue.minusDays(30), midOverdue, today.plusDays(400))));
            racing.forEach(i -> registrations.add(CommandLoad.register(i, today.minusDays(30), today.plusDays(200), today.plusDays(400))));
            List<List<CommandLoad.Command>> halves = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < registrations.size(); i++) {
                halves.get(i % 2).add(registrations.get(i));
            }
            CommandLoad registering = new CommandLoad(halves, t -> t == 0 ? a.http() : b.http(), 0).start();
            registering.awaitDone(Duration.ofMinutes(5));
            out.printf("%d commitments registered through both nodes%n", registering.acknowledged());

            // 3. the race: the same commitment's progress sent to both nodes at once
            String run = Long.toString(System.currentTimeMillis(), 36);
            Race race = race(racing, rounds, unitId, run, a.http(), b.http());
            out.printf("race: %d commands in %d rounds, %s%n", race.outcomes.size(), rounds, race.byStatus());

            // 4. Quartz: every step of batch 1 and the level-2 steps of batch 2 fire at once
            int expectedNow = batch1.size() * 4 + batch2.size() * 3;
            awaitScheduledEvents(jdbcUrl, expectedNow, Duration.ofMinutes(3));
            double caughtUpBoth = DrillSupport.awaitTokensAtHead(jdbcUrl, DrillSupport.VIEW_PROCESSORS, Duration.ofMinutes(3));
            DrillSupport.Witnessed beforeStop = DrillSupport.witness(jdbcUrl, mongo.uri());
            out.printf("both nodes: views at the head after %.1f s, %d documents differ%n", caughtUpBoth,
                    beforeStop.result().wrong());

            // 5. node A goes; B takes its segments over while it keeps taking commands
            List<List<CommandLoad.Command>> afterPlan = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<CommandLoad.Command> list = new ArrayList<>();
                for (int percent = rounds * 10 + 1; percent <= 100; percent++) {
                    for (int k = t; k < racing.size(); k += 2) {
                        int item = racing.get(k);
                        list.add(CommandLoad.progress(unitId, item, percent, "after-" + run + "-" + item + "-" + percent));
                    }
                }
                afterPlan.add(list);
            }
            CommandLoad during = new CommandLoad(afterPlan, t -> b.http(), 10).start();
            Thread.sleep(3000);
            long downAt = System.nanoTime();
            long stepJobsBBeforeStop = b.process().countLogLines(JOB_DONE + "EscalationStep]");
            if (stop.equals("kill")) {
                a.kill();
            } else {
                a.stop();
            }
            out.printf("node A %s%n", stop.equals("kill") ? "killed (SIGKILL)" : "stopped (SIGTERM)");
            double takeover = awaitOwnedBy(jdbcUrl, b, Duration.ofMinutes(3), downAt);
            out.printf("node B owns every view segment %.1f s later%n", takeover);
            Thread.sleep(5000);
            during.stopAndWait();
            long duringAcks = during.acknowledged();
            double duringSeconds = during.elapsedNanos() / 1e9;

            // 6. the level-3 steps of batch 2 come due at business start: on B, once
            if (midLadder) {
                long wait = Duration.between(ZonedDateTime.now(ZONE), businessStart).toMillis();
                boolean afterKill = wait > 0;
                out.printf("waiting %.0f s for business start (%s)%n", Math.max(0, wait) / 1e3, businessStartText);
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                report.figure("level-3 steps of batch 2 due after node A went", afterKill ? "yes" : "no (machine too slow)");
            }
            awaitScheduledEvents(jdbcUrl, batch1.size() * 4 + batch2.size() * 4, Duration.ofMinutes(3));
            double caughtUpB = DrillSupport.awaitTokensAtHead(jdbcUrl, DrillSupport.VIEW_PROCESSORS, Duration.ofMinutes(3));
            DrillSupport.Witnessed end = DrillSupport.witness(jdbcUrl, mongo.uri());

            // the verdicts
            Map<String, Map<String, Long>> scheduled = scheduledEvents(end.events());
            long wrongSteps = 0;
            for (int item : concat(batch1, batch2)) {
                Map<String, Long> counts = scheduled.getOrDefault(CommandLoad.commitmentId(item, unitId), Map.of());
                for (String kind : List.of(MILESTONE_OVERDUE, ESCALATION_STARTED, ESCALATION_RAISED + " 2",
                        ESCALATION_RAISED + " 3")) {
                    wrongSteps += Math.abs(counts.getOrDefault(kind, 0L) - 1);
                }
            }
            long dueDateJobsA = a.process().countLogLines(JOB_DONE + "DueDatePassed]");
            long dueDateJobsB = b.process().countLogLines(JOB_DONE + "DueDatePassed]");
            long stepJobsA = a.process().countLogLines(JOB_DONE + "EscalationStep]");
            long stepJobsB = b.process().countLogLines(JOB_DONE + "EscalationStep]");
            int overdueMilestones = batch1.size() + batch2.size();
            long wrongJobs = Math.abs(dueDateJobsA + dueDateJobsB - overdueMilestones)
                    + Math.abs(stepJobsA + stepJobsB - 2L * overdueMilestones);

            List<CommandLoad.Outcome> all = new ArrayList<>(registering.outcomes());
            all.addAll(race.outcomes);
            all.addAll(during.outcomes());
            AckCheck acks = AckCheck.of(all, end.events(), unitId);
            long raceServerErrors = race.outcomes.stream().filter(o -> o.status() >= 500 || o.status() == 0).count();
            long raceRefusedUnclearly = race.outcomes.stream()
                    .filter(o -> o.status() >= 400 && o.status() < 500 && o.code() == null).count();
            long skipped = a.process().countLogLines(MongoOutageDrill.SKIPPED) + b.process().countLogLines(MongoOutageDrill.SKIPPED);

            report.figure("heap per node (-Xmx)", xmx);
            report.figure("node A / node B start to healthy", DrillSupport.seconds(bootA) + " / " + DrillSupport.seconds(bootB));
            report.figure("segments split between A and B, after B was up", DrillSupport.seconds(splitSeconds));
            split.forEach((processor, owners) -> report.figure("  " + processor + " (segment=node)", owners));
            report.figure("commitments registered (A and B alternately)", registering.acknowledged() + " of "
                    + registrations.size());
            report.figure("race: same commitment to A and B at once", race.outcomes.size() + " commands, " + rounds
                    + " rounds x " + racing.size() + " commitments, " + DrillSupport.rate(race.outcomes.size() / race.seconds));
            report.figure("race answers (status code: count)", race.byStatus());
            report.figure("deadline jobs run, DueDatePassed (A + B)", dueDateJobsA + " + " + dueDateJobsB + " (expected "
                    + overdueMilestones + ")");
            report.figure("deadline jobs run, EscalationStep (A + B)", stepJobsA + " + " + stepJobsB + " (expected "
                    + 2 * overdueMilestones + ")");
            report.figure("escalation-step jobs run by B after A went", (stepJobsB - stepJobsBBeforeStop)
                    + (midLadder ? " (the " + batch2.size() + " level-3 steps of batch 2 were still due)" : ""));
            report.figure("views at the head with both nodes / with B alone", DrillSupport.seconds(caughtUpBoth) + " / "
                    + DrillSupport.seconds(caughtUpB));
            report.figure("takeover: B owns all view segments after A went", DrillSupport.seconds(takeover));
            report.figure("accepted by B meanwhile", duringAcks + " in " + DrillSupport.seconds(duringSeconds) + " ("
                    + DrillSupport.rate(duringAcks / duringSeconds) + ")");
            report.figure("commitment events in the store", end.events().size());
            List<String> differs = new ArrayList<>(beforeStop.result().examples(3));
            differs.addAll(end.result().examples(3));
            for (int i = 0; i < differs.size(); i++) {
                report.figure("view differs #" + (i + 1), differs.get(i));
            }
            for (int i = 0; i < acks.examples().size(); i++) {
                report.figure("missing #" + (i + 1), acks.examples().get(i));
            }

            report.check("view processors whose segments were not split between A and B", unsplit);
            report.check("acknowledged commands whose event is not in the store", acks.missing());
            report.check("race: answered 5xx or not at all", raceServerErrors);
            report.check("race: refused without a problem detail code", raceRefusedUnclearly);
            report.check("commitment streams with a sequence gap", Convergence.streamsWithGaps(end.expected()));
            report.check("scheduled steps not stored exactly once (" + overdueMilestones + " cases x 4)", wrongSteps);
            report.check("deadline jobs not run exactly once over both nodes", wrongJobs);
            report.check("views different from the store, both nodes up", beforeStop.result().wrong());
            report.check("view segments B did not take over (0 = all)", takeover < 0 ? 1 : 0);
            report.check("views different from the store after the takeover (" + end.result().compared()
                    + " commitments, " + end.result().events() + " events)", end.result().wrong());
            report.check("events a processor skipped (logged and went on)", skipped);
        }
        return report;
    }

    /** The outcome of the race. */
    private record Race(List<CommandLoad.Outcome> outcomes, double seconds) {

        Map<String, Long> byStatus() {
            Map<String, Long> counts = new TreeMap<>();
            outcomes.forEach(o -> counts.merge(o.status() + (o.code() == null ? "" : " " + o.code()), 1L, Long::sum));
            return counts;
        }
    }

    /**
     * For each round, every racing commitment gets two progress reports with the same percentage at the same
     * instant, one through each node (distinct notes), so the two nodes append to the same stream concurrently.
     */
    private static Race race(List<Integer> items, int rounds, String unitId, String run, DrillHttp a, DrillHttp b)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(items.size() * 2);
        List<CommandLoad.Outcome> outcomes = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int round = 1; round <= rounds; round++) {
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<CommandLoad.Outcome>> futures = new ArrayList<>();
                for (int item : items) {
                    for (int node = 0; node < 2; node++) {
                        DrillHttp http = node == 0 ? a : b;
                        CommandLoad.Command command = CommandLoad.progress(unitId, item, round * 10,
                                "race-" + run + "-" + item + "-" + round + (node == 0 ? "-A" : "-B"));
                        int thread = node;
                        futures.add(pool.submit(() -> {
                            gate.await();
                            DrillHttp.Answer answer = http.post(command.user(), command.path(), command.json());
                            return new CommandLoad.Outcome(command, thread, answer.status(), answer.problemCode(), 1,
                                    !answer.answered(), System.nanoTime() - t0);
                        }));
                    }
                }
                gate.countDown();
                for (Future<CommandLoad.Outcome> f : futures) {
                    outcomes.add(f.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Race(outcomes, (System.nanoTime() - t0) / 1e9);
    }

    /** Waits until every view processor has segments owned by both nodes; returns processor → segment → A/B/?. */
    private static Map<String, Map<Integer, String>> awaitSplit(String jdbcUrl, AppProcess a, AppProcess b,
                                                                Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Map<Integer, String>> owners;
        do {
            owners = owners(jdbcUrl, a, b);
            boolean split = !owners.isEmpty() && owners.values().stream()
                    .allMatch(o -> o.containsValue("A") && o.containsValue("B"));
            if (split) {
                return owners;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return owners;
    }

    /** Waits until node B owns every view segment; returns the seconds since {@code sinceNanos}, -1 on timeout. */
    private static double awaitOwnedBy(String jdbcUrl, AppProcess b, Duration timeout, long sinceNanos) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Map<Integer, String>> owners = owners(jdbcUrl, null, b);
            if (!owners.isEmpty() && owners.values().stream().allMatch(o -> o.values().stream().allMatch("B"::equals))) {
                return (System.nanoTime() - sinceNanos) / 1e9;
            }
            Thread.sleep(250);
        }
        return -1;
    }

    private static Map<String, Map<Integer, String>> owners(String jdbcUrl, AppProcess a, AppProcess b) throws Exception {
        Map<String, Map<Integer, String>> owners = new TreeMap<>();
        try (StoreReader store = StoreReader.open(jdbcUrl)) {
            for (StoreReader.Token token : store.tokens()) {
                if (!DrillSupport.VIEW_PROCESSORS.test(token.processor())) {
                    continue;
                }
                String owner = token.owner() == null ? "-"
                        : a != null && token.owner().startsWith(a.tokenOwner()) ? "A"
                        : b != null && token.owner().startsWith(b.tokenOwner()) ? "B" : "?";
                owners.computeIfAbsent(token.processor(), k -> new TreeMap<>()).put(token.segment(), owner);
            }
        }
        return owners;
    }

    /** Waits until at least {@code expected} scheduled steps (overdue, escalation started/raised) are stored. */
    private static void awaitScheduledEvents(String jdbcUrl, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (StoreReader store = StoreReader.open(jdbcUrl)) {
                long stored = scheduledEvents(store.commitmentEvents()).values().stream()
                        .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
                if (stored >= expected) {
                    Thread.sleep(3000); // and a moment for any duplicate to show
                    return;
                }
            }
            Thread.sleep(500);
        }
    }

    /** Per commitment: how often each scheduled step is stored ("EscalationRaised 2" by level). */
    static Map<String, Map<String, Long>> scheduledEvents(List<StoreReader.Event> events) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (StoreReader.Event event : events) {
            String type = event.simpleType();
            String kind = switch (type) {
                case MILESTONE_OVERDUE, ESCALATION_STARTED -> type;
                case ESCALATION_RAISED -> type + " " + event.payload().path("level").asInt();
                default -> null;
            };
            if (kind != null) {
                counts.computeIfAbsent(event.commitmentId(), k -> new LinkedHashMap<>()).merge(kind, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static WorkingCalendar bundledCalendar() throws Exception {
        try (InputStream in = TwoNodesDrill.class.getClassLoader().getResourceAsStream("calendar/cn-working-calendar.csv")) {
            if (in == null) {
                throw new IllegalStateException("the bundled working calendar is not on the class path");
            }
            return CsvWorkingCalendar.read(in, "bundled calendar");
        }
    }

    private static List<Integer> items(int first, int count) {
        List<Integer> items = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            items.add(i);
        }
        return items;
    }

    private static List<Integer> concat(List<Integer> x, List<Integer> y) {
        List<Integer> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }
}
