package io.duban.harness.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.duban.dingtalk.fake.CallbackResponse;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeCallback;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.Route;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.ImportPolicy;
import io.duban.command.api.MilestonePlan;
import io.duban.command.api.RegisterCommitment;
import io.duban.command.api.ReportProgress;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.Role;
import io.duban.command.api.SupportItem;
import io.duban.command.catalog.BundledPolicyProperties;
import io.duban.command.commitment.ItemCatalog;
import io.duban.harness.demo.DemoApplication;
import io.duban.deploy.eventstore.DatabaseDialect;
import io.duban.query.rebuild.ViewRebuilder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One run of the benchmark on one fresh database, against the real application. */
final class BenchRun {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String RAW_TABLE = "BenchRawDomainEventEntry";
    private static final int RAW_BATCH = 100;
    private static final String REPLY_USER = "demo-czt-wang"; // demo official of 自治区财政厅
    private static final int REPLY_ITEM = 31;                  // an item 自治区财政厅 is responsible for

    private final BenchOptions options;
    private final BenchTarget target;
    private final PrintStream out;
    private final BenchResult result;
    /** The bundled policy's items, read by the write phase, reused by the scale run. */
    private List<SupportItem> items = List.of();
    /** The write phase's registrations, whose commitments the projection lag phase updates. */
    private List<RegisterCommitment> registrations = List.of();

    BenchRun(BenchOptions options, BenchTarget target, PrintStream out) {
        this.options = options;
        this.target = target;
        this.out = out;
        this.result = new BenchResult(target.label());
    }

    BenchResult run() throws Exception {
        Path dataDir = Files.createTempDirectory("duban-bench-");
        List<String> args = new ArrayList<>(List.of("--duban.data-dir=" + dataDir, "--server.port=0",
                "--spring.profiles.active=demo", "--logging.level.root=WARN",
                "--logging.level.io.duban=WARN"));
        String schema = null;
        if (target.isPostgres()) {
            schema = "duban_bench_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(target.postgresUrl());
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            String url = target.postgresUrl() + (target.postgresUrl().contains("?") ? "&" : "?")
                    + "currentSchema=" + schema;
            args.add("--spring.datasource.url=" + url);
            result.detail("schema", schema);
        }
        result.detail("dataDir", dataDir.toString());
        long bootStart = System.nanoTime();
        // the demo: the DingTalk fake plugged in (the replies phase measures the loop through it)
        ConfigurableApplicationContext app = DemoApplication.run(List.of(MongoCommandCounter.class),
                args.toArray(String[]::new));
        try {
            result.figure("application start", seconds(System.nanoTime() - bootStart), "s");
            IdleCpuBench idle = new IdleCpuBench(options, result, out);
            idle.measure("after start-up");
            writeThroughput(app);
            new ProjectionLagBench(options, result, out).run(app, registrations);
            rebuild(app);
            replies(app);
            if (options.consoleCommitments() > 0) {
                new ConsoleBench(options, result, out).run(app, items);
            }
            if (!options.overdueSizes().isEmpty()) {
                try {
                    new OverdueCheckBench(options, result, out).run(app, items);
                } catch (Exception e) {
                    // reported, not fatal: the sizes measured so far and the phases after it still count
                    String message = String.valueOf(e.getMessage());
                    message = message.substring(0, Math.min(300, message.length()));
                    result.detail("overdueCheckFailed", e.getClass().getSimpleName() + ": " + message);
                    out.println("overdue: failed: " + e.getClass().getSimpleName() + ": " + message);
                }
            }
            idle.measureAfterLoad(app);
            if (options.scaleEvents() > 0) {
                new ScaleBench(options, result, out).run(app, items);
            }
            result.figure("resident memory (VmRSS, end of run)", rssMib(), "MiB", "<", Targets.RSS_MIB);
            result.detail("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            app.close();
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(target.postgresUrl());
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                } catch (SQLException e) {
                    out.println("could not drop schema " + schema + ": " + e.getMessage());
                }
            }
            deleteQuietly(dataDir);
        }
        return result;
    }

    // --- 1. write throughput through Axon vs raw JDBC inserts of equivalent rows -------------------------------

    private void writeThroughput(ConfigurableApplicationContext app) throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        ItemCatalog catalog = app.getBean(ItemCatalog.class);
        DataSource dataSource = app.getBean(DataSource.class);
        BundledPolicyProperties bundled = app.getBean(BundledPolicyProperties.class);
        String text = BundledPolicyText.of(bundled);
        List<SupportItem> items = new ArrayList<>();
        this.items = items;
        for (int n = 1; n <= 9999; n++) {
            final int number = n;
            Optional<SupportItem> item = findItem(catalog, bundled.policyId(), number);
            if (item.isEmpty()) {
                break;
            }
            items.add(item.get());
        }
        int pairsPerPolicy = items.stream().mapToInt(i -> i.units().size()).sum();
        // (item, unit) pairs are unique per policy: further copies of the bundled text under bench policy ids
        int policies = (options.commitments() + pairsPerPolicy - 1) / pairsPerPolicy;
        for (int p = 1; p <= policies; p++) {
            commands.sendAndWait(new ImportPolicy("bench-" + p, text, Actor.system("bench")));
        }
        result.detail("items", items.size());
        result.detail("itemUnitPairsPerPolicy", pairsPerPolicy);
        result.detail("benchPolicies", policies);

        LocalDate today = LocalDate.now(ZONE);
        List<RegisterCommitment> registrations = new ArrayList<>();
        this.registrations = registrations;
        outer:
        for (int p = 1; p <= policies; p++) {
            for (SupportItem item : items) {
                for (ResponsibleUnit unit : item.units()) {
                    if (registrations.size() == options.commitments()) {
                        break outer;
                    }
                    String policy = "bench-" + p;
                    Actor actor = official(unit);
                    registrations.add(new RegisterCommitment(CommitmentId.of(policy, item.number(), unit.unitId()),
                            policy, item.number(), unit.unitId(), new ResponsiblePerson("责任人" + item.number(), "处长"),
                            "先制定实施方案，再分步落实第 " + item.number() + " 项", today.minusDays(30),
                            today.plusDays(300), List.of(new MilestonePlan("制定实施方案", today.plusDays(100)),
                                    new MilestonePlan("全面落实", today.plusDays(250))), actor));
                }
            }
        }

        long eventsBefore = countRows(dataSource, "DomainEventEntry");
        long cpuBefore = processCpuNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicLong commandCount = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < registrations.size()) {
                    RegisterCommitment r = registrations.get(i);
                    try {
                        commands.sendAndWait(r);
                        commandCount.incrementAndGet();
                        for (int k = 1; k <= options.reports(); k++) {
                            commands.sendAndWait(new ReportProgress(r.commitmentId(), k * 100 / (options.reports() + 1),
                                    "第 " + k + " 次进度报告", null, r.actor()));
                            commandCount.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long axonNanos = System.nanoTime() - start;
        long axonCpu = processCpuNanos() - cpuBefore;
        pool.shutdown();
        long eventsWritten = countRows(dataSource, "DomainEventEntry") - eventsBefore;
        double commandsPerSecond = commandCount.get() / seconds(axonNanos);
        double eventsPerSecond = eventsWritten / seconds(axonNanos);
        result.detail("commandsSent", commandCount.get());
        result.detail("commandsRefused", refused.get());
        result.detail("eventsWritten", eventsWritten);
        result.figure("Axon write: commands/s (" + options.threads() + " threads)", commandsPerSecond, "cmd/s");
        result.figure("Axon write: events/s", eventsPerSecond, "ev/s");
        result.figure("Axon write: process CPU per command", millis(axonCpu) / commandCount.get(), "ms");

        // Two physical limits of the same store, same rows, same threads: a commit per command's events (what an
        // acknowledged command needs: it is durable when the caller hears back), and batches of RAW_BATCH rows per
        // commit (bulk loading, which no caller waiting for an answer gets).
        double eventsPerCommand = commandCount.get() == 0 ? 1 : (double) eventsWritten / commandCount.get();
        int rowsPerCommand = Math.max(1, (int) Math.round(eventsPerCommand));
        DatabaseDialect dialect = app.getBean(DatabaseDialect.class);
        double rawPerCommit = rawInserts(dataSource, dialect, eventsBefore, eventsWritten, rowsPerCommand);
        double rawPerSecond = rawInserts(dataSource, dialect, eventsBefore, eventsWritten, RAW_BATCH);
        result.figure("raw JDBC insert, one commit per command (" + rowsPerCommand + " row): rows/s", rawPerCommit,
                "rows/s");
        result.figure("Axon events/s ÷ raw rows/s, commit per command", eventsPerSecond / rawPerCommit, "×", ">=",
                Targets.WRITE_RATIO);
        result.figure("raw JDBC insert, batches of " + RAW_BATCH + ": rows/s", rawPerSecond, "rows/s");
        result.figure("Axon events/s ÷ raw rows/s, batches of " + RAW_BATCH, eventsPerSecond / rawPerSecond, "×");
        out.printf("write: %d commands, %d events in %.1f s; raw insert %.0f rows/s%n", commandCount.get(),
                eventsWritten, seconds(axonNanos), rawPerSecond);
    }

    private static Actor official(ResponsibleUnit unit) {
        return new Actor("bench-" + unit.unitId(), "压测办事员（" + unit.name() + "）", Role.UNIT,
                Set.of(unit.unitId()), Channel.WEB, null);
    }

    /**
     * Inserts as many rows as Axon wrote, copying the payloads and metadata Axon stored (so sizes match), into a
     * scratch table created by the same table factory as DomainEventEntry, from the same number of threads, one
     * transaction per {@code rowsPerCommit} rows. The table is dropped afterwards.
     */
    private double rawInserts(DataSource dataSource, DatabaseDialect dialect, long fromExclusive, long rows,
                              int rowsPerCommit) throws Exception {
        EventSchema raw = EventSchema.builder().eventTable(RAW_TABLE).build();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            dialect.eventTableFactory().createDomainEventTable(c, raw).execute();
        }
        List<Object[]> templates = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT aggregateIdentifier, sequenceNumber, type, "
                     + "timeStamp, payloadType, payloadRevision, payload, metaData FROM DomainEventEntry "
                     + "WHERE globalIndex > ? ORDER BY globalIndex")) {
            select.setLong(1, fromExclusive);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next() && templates.size() < rows) {
                    templates.add(new Object[]{rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)});
                }
            }
        }
        String insert = "INSERT INTO " + RAW_TABLE + " (eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
                + "timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)";
        AtomicInteger nextBatch = new AtomicInteger();
        int batches = (templates.size() + rowsPerCommit - 1) / rowsPerCommit;
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            futures.add(pool.submit(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
                    c.setAutoCommit(false);
                    int b;
                    while ((b = nextBatch.getAndIncrement()) < batches) {
                        for (int i = b * rowsPerCommit; i < Math.min(templates.size(), (b + 1) * rowsPerCommit); i++) {
                            Object[] row = templates.get(i);
                            ps.setString(1, UUID.randomUUID().toString());
                            ps.setString(2, "raw-" + row[0]);
                            ps.setLong(3, (Long) row[1]);
                            ps.setString(4, (String) row[2]);
                            ps.setString(5, (String) row[3]);
                            ps.setString(6, (String) row[4]);
                            ps.setString(7, (String) row[5]);
                            ps.setBytes(8, (byte[]) row[6]);
                            ps.setBytes(9, (byte[]) row[7]);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    }
                    c.setAutoCommit(true);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        long inserted = countRows(dataSource, RAW_TABLE);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("DROP TABLE " + RAW_TABLE);
        }
        result.detail("rawRowsInserted(" + rowsPerCommit + " per commit)", inserted);
        return inserted / seconds(nanos);
    }

    // --- 2. full view rebuild --------------------------------------------------------------------------------

    private void rebuild(ConfigurableApplicationContext app) throws SQLException {
        ViewRebuilder rebuilder = app.getBean(ViewRebuilder.class);
        long total = countRows(app.getBean(DataSource.class), "DomainEventEntry");
        boolean caughtUp = rebuilder.awaitUpToDate(Duration.ofMinutes(5));
        result.detail("viewsCaughtUpBeforeRebuild", caughtUp);
        // one view at a time first: which view costs what (the all-at-once figure below is the target's)
        for (String view : rebuilder.viewNames()) {
            long viewStart = System.nanoTime();
            long viewCpu = processCpuNanos();
            rebuilder.rebuildAndWait(view, Duration.ofMinutes(30));
            long viewNanos = System.nanoTime() - viewStart;
            result.figure("view rebuild, " + view + " alone: process CPU per 1,000 events",
                    millis(processCpuNanos() - viewCpu) * 1000 / Math.max(1, total), "ms");
            out.printf("rebuild: %s alone in %.2f s%n", view, seconds(viewNanos));
        }
        long start = System.nanoTime();
        long cpuBefore = processCpuNanos();
        rebuilder.rebuildAndWait(Duration.ofMinutes(30));
        long nanos = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        result.detail("rebuildEvents", total);
        result.figure("view rebuild: wall time", seconds(nanos), "s");
        // CPU per event does not depend on what else the machine runs: it tells a fix from noise on a shared box
        result.figure("view rebuild: process CPU per 1,000 events", millis(cpu) * 1000 / Math.max(1, total), "ms");
        result.figure("view rebuild: events/s (at " + total + " events; target at 1M)", total / seconds(nanos),
                "ev/s", ">=", Targets.REBUILD_EVENTS_PER_SECOND);
        out.printf("rebuild: %d events in %.2f s%n", total, seconds(nanos));
    }

    // --- 3. DingTalk reply -> event stored -> confirmation at the fake ---------------------------------------

    private void replies(ConfigurableApplicationContext app) throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        ItemCatalog catalog = app.getBean(ItemCatalog.class);
        BundledPolicyProperties bundled = app.getBean(BundledPolicyProperties.class);
        FakeDingTalk fake = app.getBean(FakeDingTalk.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        URI callback = URI.create("http://127.0.0.1:" + port + "/api/dingtalk/callback");

        SupportItem item = findItem(catalog, bundled.policyId(), REPLY_ITEM).orElseThrow();
        ResponsibleUnit czt = item.units().stream().filter(u -> u.name().equals("自治区财政厅")).findFirst()
                .orElseThrow(() -> new IllegalStateException("item " + REPLY_ITEM + " has no 自治区财政厅"));
        LocalDate today = LocalDate.now(ZONE);
        Actor wang = new Actor(REPLY_USER, "王演示", Role.UNIT, Set.of(czt.unitId()), Channel.WEB, null);
        commands.sendAndWait(new RegisterCommitment(CommitmentId.of(bundled.policyId(), REPLY_ITEM, czt.unitId()),
                bundled.policyId(), REPLY_ITEM, czt.unitId(), new ResponsiblePerson("王五", "处长"), "先出台办法，再拨付",
                today.minusDays(30), today.plusDays(300), List.of(new MilestonePlan("出台办法", today.plusDays(100))),
                wang));

        int n = options.replies();
        int warmup = Math.min(20, n);
        long[] latencies = new long[n];
        int recorded = 0;
        int failed = 0;
        for (int i = -warmup; i < n; i++) {
            int percent = 1 + Math.max(0, i) * 98 / Math.max(1, n);
            int repliesBefore = fake.messages().by(Route.SESSION_REPLY).size();
            FakeCallback reply = FakeCallback.oneToOne(REPLY_USER, "王演示", "#" + REPLY_ITEM + " 进度 " + percent + "%");
            long t0 = System.nanoTime();
            CallbackResponse response = fake.deliverCallback(callback, reply);
            List<DeliveredMessage> answers;
            long deadline = t0 + Duration.ofSeconds(10).toNanos();
            while ((answers = fake.messages().by(Route.SESSION_REPLY)).size() <= repliesBefore
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            long elapsed = System.nanoTime() - t0;
            boolean ok = response.status() == 200 && answers.size() > repliesBefore
                    && answers.get(answers.size() - 1).text().contains("已记录");
            if (i >= 0) {
                latencies[i] = elapsed;
                if (ok) {
                    recorded++;
                } else {
                    failed++;
                }
            }
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        result.detail("replies", n);
        result.detail("repliesRecorded", recorded);
        result.detail("repliesNotRecorded", failed);
        result.figure("DingTalk reply→stored→confirmed p50 (" + n + ")", Percentile.of(sorted, 0.50) / 1e6, "ms");
        result.figure("DingTalk reply→stored→confirmed p99 (" + n + ")", Percentile.of(sorted, 0.99) / 1e6, "ms",
                "<", Targets.REPLY_P99_MS);
        out.printf("replies: %d recorded, %d not%n", recorded, failed);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** The catalog loads the policy aggregate, which Axon only allows inside a unit of work. */
    private static Optional<SupportItem> findItem(ItemCatalog catalog, String policyId, int number) throws Exception {
        ResultMessage<Optional<SupportItem>> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> catalog.findItem(policyId, number));
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }

    private static long countRows(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double rssMib() {
        return statusMib("VmRSS:");
    }

    /** The peak resident set of this JVM so far. */
    static double peakRssMib() {
        return statusMib("VmHWM:");
    }

    private static double statusMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: reported as n/a
        }
        return Double.NaN;
    }

    /** CPU time of this whole JVM (every thread), or 0 where the JVM does not tell. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir: left for the OS
        }
    }
}
