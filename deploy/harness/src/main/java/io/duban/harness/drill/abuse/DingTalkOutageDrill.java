package io.duban.harness.drill.abuse;

import io.duban.bot.DingTalkProperties;
import io.duban.bot.alert.AlertKind;
import io.duban.bot.alert.Outbox;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.Faults;
import io.duban.dingtalk.fake.OutageMode;
import io.duban.dingtalk.fake.Route;
import io.duban.command.api.SupportItem;
import io.duban.harness.drill.Drill;
import io.duban.harness.drill.DrillReport;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code drill dingtalk-outage}: the local DingTalk goes away — first refusing connections, then answering 503 —
 * and then throttles (QpsLimit 403s on the Open API, per-user flow control for two officials), while the application
 * keeps producing alerts through its REST API: overdue milestones at registration, urgings, major issues (office
 * group), approved and rejected deadline changes. When DingTalk is healthy again the outbox must drain: every
 * triggering action produced exactly one outbox entry, and every entry reached every recipient exactly once.
 */
public final class DingTalkOutageDrill implements Drill {

    /** Units of the demo directory with an official each (the alert recipients), and their accounts. */
    static final Map<String, String> UNITS = Map.of("czt", HostileDrill.CZT, "jyt", HostileDrill.JYT,
            "fgw", "自治区发展改革委");
    static final List<String> THROTTLED_USERS = List.of("demo-czt-wang", "demo-jyt-li");

    @Override
    public String name() {
        return "dingtalk-outage";
    }

    @Override
    public String summary() {
        return "DingTalk down (refused, then 503), then throttled, while alerts are produced: each delivered once "
                + "[--outage=60s --throttle=30s --rate=4 --max-backoff=5s --drain-timeout=5m --seed=N --db-url=...]";
    }

    @Override
    public DrillReport run(List<String> args, PrintStream out) throws Exception {
        DrillArgs a = DrillArgs.parse(args, Set.of("outage", "throttle", "rate", "max-backoff", "drain-timeout",
                "seed", "db-url"));
        Settings settings = new Settings(a.duration("outage", Duration.ofSeconds(60)),
                a.duration("throttle", Duration.ofSeconds(30)), a.positiveInt("rate", 4),
                a.duration("max-backoff", Duration.ofSeconds(5)), a.duration("drain-timeout", Duration.ofMinutes(5)),
                a.longValue("seed", 20261125L));
        String dbUrl = a.string("db-url", System.getenv("DUBAN_BENCH_POSTGRES_URL"));
        try (DrillApplication app = DrillApplication.start("dingtalk-outage", dbUrl, List.of(
                "--duban.dispatch.enabled=false", "--duban.dingtalk.poll-interval=200ms",
                "--duban.dingtalk.max-backoff=" + settings.maxBackoff().toMillis() + "ms",
                // every failed attempt is logged at WARN by design; thousands of lines in a drill
                "--logging.level.io.duban.bot.delivery=ERROR"), out)) {
            return new Run(app.context(), app.database(), settings, out).run();
        }
    }

    record Settings(Duration outage, Duration throttle, int rate, Duration maxBackoff, Duration drainTimeout,
                    long seed) {
    }

    static final class Run {

        private final ConfigurableApplicationContext app;
        private final String database;
        private final Settings settings;
        private final PrintStream out;
        private final DrillHttp http;
        private final FakeDingTalk fake;
        private final Outbox outbox;
        private final Random random;
        private final Map<AlertKind, Integer> triggered = new EnumMap<>(AlertKind.class);
        private final List<Registered> commitments = new ArrayList<>();
        private final List<Pair> unregistered = new ArrayList<>();
        private final Map<String, Integer> actionErrors = new TreeMap<>();
        private LocalDate today;
        private int sequence;

        record Pair(String user, int item) {
        }

        record Registered(String id, String user, LocalDate dueDate) {
        }

        Run(ConfigurableApplicationContext app, String database, Settings settings, PrintStream out) {
            this.app = app;
            this.database = database;
            this.settings = settings;
            this.out = out;
            this.http = new DrillHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                    Duration.ofSeconds(30));
            this.fake = app.getBean(FakeDingTalk.class);
            this.outbox = app.getBean(Outbox.class);
            this.random = new Random(settings.seed());
        }

        DrillReport run() throws Exception {
            today = LocalDate.now(app.getBean(Clock.class));
            List<SupportItem> items = DrillCatalog.items(app);
            for (SupportItem item : items) {
                UNITS.forEach((user, unit) -> {
                    if (DrillCatalog.lists(item, unit)) {
                        unregistered.add(new Pair(user, item.number()));
                    }
                });
            }
            unregistered.sort((x, y) -> x.user().equals(y.user()) ? Integer.compare(x.item(), y.item())
                    : x.user().compareTo(y.user()));
            java.util.Collections.shuffle(unregistered, random);

            // healthy: one commitment per unit (each overdue at once), one urging each
            for (String user : List.of("czt", "jyt", "fgw")) {
                unregistered.stream().filter(p -> p.user().equals(user)).findFirst().ifPresent(this::register);
            }
            List.copyOf(commitments).forEach(this::urge);
            awaitDrained(Duration.ofSeconds(60));
            Faults.Served servedBefore = fake.faults().served();
            int deliveredBefore = alertsAtFake().size();
            out.printf("healthy start: %d commitments, %d alerts delivered; DingTalk goes down for %d s%n",
                    commitments.size(), deliveredBefore, settings.outage().toSeconds());

            Instant outageStart = Instant.now();
            fake.startOutage(OutageMode.CONNECTION_REFUSED);
            produceFor(settings.outage().dividedBy(2), "outage (connection refused)");
            int deliveredDuringRefused = alertsAtFake().size() - deliveredBefore;
            fake.startOutage(OutageMode.SERVICE_UNAVAILABLE);
            produceFor(settings.outage().minus(settings.outage().dividedBy(2)), "outage (HTTP 503)");
            fake.endOutage();
            Instant outageEnd = Instant.now();
            int deliveredDuringOutage = alertsAtFake().size() - deliveredBefore;

            Instant throttleStart = Instant.now();
            fake.faults().flowControl(THROTTLED_USERS);
            produceFor(settings.throttle(), "throttling (QpsLimit 403, flow control for "
                    + String.join(", ", THROTTLED_USERS) + ")");
            Instant cleared = Instant.now();
            fake.faults().reset();

            out.printf("DingTalk healthy again; waiting for the outbox to drain (at most %d s)%n",
                    settings.drainTimeout().toSeconds());
            boolean drained = awaitDrained(settings.drainTimeout());
            Thread.sleep(Math.max(3_000, settings.maxBackoff().toMillis())); // a duplicate would come within a pass
            Faults.Served served = fake.faults().served();

            List<Document> entries = outbox.all();
            DeliveryLedger.Result result = DeliveryLedger.compare(entries.stream().map(Run::entry).toList(),
                    alertsAtFake().stream().map(m -> new DeliveryLedger.Delivered(m.route().name(), m.recipient(),
                            m.text())).toList());
            Map<AlertKind, Integer> produced = new EnumMap<>(AlertKind.class);
            entries.forEach(e -> produced.merge(AlertKind.valueOf(e.getString("kind")), 1, Integer::sum));
            long missingEntries = 0;
            for (AlertKind kind : AlertKind.values()) {
                missingEntries += Math.abs(produced.getOrDefault(kind, 0) - triggered.getOrDefault(kind, 0));
            }
            long attempts = entries.stream().mapToLong(e -> e.getInteger("attempts", 0)).sum();
            List<Long> delays = entries.stream().filter(e -> e.getDate("sentAt") != null)
                    .map(e -> e.getDate("sentAt").getTime() - e.getDate("occurredAt").getTime()).sorted().toList();
            Instant lastSent = entries.stream().map(e -> e.getDate("sentAt")).filter(d -> d != null)
                    .map(Date::toInstant).max(Instant::compareTo).orElse(cleared);

            if (!result.problems().isEmpty()) {
                out.println("deliveries that are off (first 30):");
                result.problems().stream().limit(30).forEach(p -> out.println("  " + p));
            }
            if (!actionErrors.isEmpty()) {
                out.println("alert-producing requests that failed: " + actionErrors);
            }

            DingTalkProperties properties = app.getBean(DingTalkProperties.class);
            DrillReport report = new DrillReport("dingtalk-outage");
            report.figure("database", database);
            report.figure("seed", settings.seed());
            report.figure("sender: poll interval / max backoff / max attempts", properties.pollInterval().toMillis()
                    + " ms / " + properties.maxBackoff().toSeconds() + " s / " + properties.maxAttempts());
            report.figure("outage length (s): connection refused, then 503", seconds(outageStart, outageEnd));
            report.figure("throttling length (s): QpsLimit + flow control", seconds(throttleStart, cleared));
            report.figure("alerts delivered during the outage (expected 0)", deliveredDuringOutage
                    + " (while refused: " + deliveredDuringRefused + ")");
            report.figure("503 answers / server errors / QpsLimit 403s", (served.serviceUnavailable()
                    - servedBefore.serviceUnavailable()) + " / " + (served.serverErrors() - servedBefore.serverErrors())
                    + " / " + (served.rateLimited() - servedBefore.rateLimited()));
            report.figure("users turned away by flow control", served.flowControlledUsers()
                    - servedBefore.flowControlledUsers());
            report.figure("alerts triggered by kind", new TreeMap<>(triggered));
            report.figure("outbox entries by kind", new TreeMap<>(produced));
            report.figure("outbox entries / deliveries due / messages at the fake", result.entries() + " / "
                    + result.due() + " / " + result.delivered());
            report.figure("send attempts (retries beyond the first)", attempts + " (" + (attempts - entries.size())
                    + ")");
            report.figure("time to drain after the faults cleared (s)", drained
                    ? String.format("%.1f", Duration.between(cleared, lastSent.isAfter(cleared) ? lastSent : cleared)
                    .toMillis() / 1000.0) : "not drained within " + settings.drainTimeout().toSeconds() + " s");
            report.figure("delay event -> delivered p50 / p95 / max (s)", delays.isEmpty() ? "-"
                    : String.format("%.1f / %.1f / %.1f", percentile(delays, 0.50) / 1000.0,
                    percentile(delays, 0.95) / 1000.0, delays.get(delays.size() - 1) / 1000.0));
            report.check("outbox drained (no entry pending) within the timeout", drained ? 0 : 1);
            report.check("alert-producing requests that failed", actionErrors.values().stream()
                    .mapToInt(Integer::intValue).sum());
            report.check("triggering actions without exactly one outbox entry", missingEntries);
            report.check("outbox entries not SENT (pending or given up)", result.notSent());
            report.check("deliveries lost (due, never at the fake)", result.lost());
            report.check("deliveries duplicated (same alert twice to one recipient)", result.duplicates());
            report.check("messages at the fake without an outbox entry", result.unexpected());
            report.check("alerts delivered while DingTalk was refusing connections", deliveredDuringRefused);
            return report;
        }

        // --- producing alerts --------------------------------------------------------------------------------

        /** Alert-producing requests at {@code settings.rate()} per second for {@code length}. */
        private void produceFor(Duration length, String phase) throws InterruptedException {
            long end = System.nanoTime() + length.toNanos();
            long pause = 1_000L / settings.rate();
            int actions = 0;
            long nextTopUp = 0;
            while (System.nanoTime() < end) {
                if (phase.startsWith("throttling") && System.nanoTime() >= nextTopUp) {
                    fake.faults().rateLimitNextCalls(3); // the Open API refuses the next calls, every second again
                    nextTopUp = System.nanoTime() + 1_000_000_000L;
                }
                long started = System.nanoTime();
                act();
                actions++;
                long spent = (System.nanoTime() - started) / 1_000_000;
                if (pause > spent) {
                    Thread.sleep(pause - spent);
                }
            }
            out.printf("  %-70s %4d alert-producing actions%n", phase, actions);
        }

        private void act() {
            int roll = random.nextInt(100);
            if (roll < 10 && !unregistered.isEmpty()) {
                register(unregistered.get(0));
            } else if (roll < 55 || commitments.isEmpty()) {
                urge(pick());
            } else if (roll < 70) {
                raiseIssue(pick());
            } else if (roll < 88) {
                changeDeadline(pick(), true);
            } else {
                changeDeadline(pick(), false);
            }
        }

        private Registered pick() {
            return commitments.get(random.nextInt(commitments.size()));
        }

        /** A commitment whose first milestone was due yesterday: MilestoneBecameOverdue at once, one alert. */
        private void register(Pair pair) {
            unregistered.remove(pair);
            LocalDate due = today.plusDays(500);
            String body = """
                    {"policyId":"%s","itemNumber":%d,"responsible":{"name":"演练责任人"},"roadmap":"演练路线图",
                     "startDate":"%s","dueDate":"%s","milestones":[{"title":"演练里程碑（已逾期）","dueDate":"%s"}]}"""
                    .formatted(DrillCatalog.policyId(app), pair.item(), today.minusDays(30), due, today.minusDays(1));
            DrillHttp.Reply reply = call(pair.user(), "/api/commitments", body, "register", 201);
            if (reply != null) {
                commitments.add(new Registered(reply.json().path("commitmentId").asText(), pair.user(), due));
                triggered.merge(AlertKind.OVERDUE, 1, Integer::sum);
            }
        }

        private void urge(Registered c) {
            if (call("office", "/api/commitments/" + c.id() + "/urging",
                    "{\"text\":\"演练催办第 " + (++sequence) + " 次：请报送进展\"}", "urge", 200) != null) {
                triggered.merge(AlertKind.URGED, 1, Integer::sum);
            }
        }

        private void raiseIssue(Registered c) {
            if (call(c.user(), "/api/commitments/" + c.id() + "/issues",
                    "{\"summary\":\"演练重大事项第 " + (++sequence) + " 号\"}", "issue", 201) != null) {
                triggered.merge(AlertKind.MAJOR_ISSUE, 1, Integer::sum);
            }
        }

        /** The unit asks to move its final due date by a day; the office approves or rejects at once. */
        private void changeDeadline(Registered c, boolean approve) {
            LocalDate requested = c.dueDate().plusDays(1 + random.nextInt(300));
            DrillHttp.Reply asked = call(c.user(), "/api/commitments/" + c.id() + "/deadline-changes",
                    "{\"requestedDueDate\":\"" + requested + "\",\"reason\":\"演练申请第 " + (++sequence) + " 次\"}",
                    "deadline request", 201);
            if (asked == null) {
                return;
            }
            String change = asked.json().path("reference").asText();
            String path = "/api/commitments/" + c.id() + "/deadline-changes/" + change
                    + (approve ? "/approval" : "/rejection");
            if (call("office", path, "{\"text\":\"演练" + (approve ? "同意" : "不同意，理由不足") + "\"}",
                    approve ? "approval" : "rejection", 200) != null) {
                triggered.merge(approve ? AlertKind.DEADLINE_APPROVED : AlertKind.DEADLINE_REJECTED, 1, Integer::sum);
                if (approve) {
                    commitments.set(commitments.indexOf(c), new Registered(c.id(), c.user(), requested));
                }
            }
        }

        private DrillHttp.Reply call(String user, String path, String body, String action, int expected) {
            try {
                DrillHttp.Reply reply = http.postJson(user, path, body);
                if (reply.status() == expected) {
                    return reply;
                }
                actionErrors.merge(action + " -> " + reply.status(), 1, Integer::sum);
                if (actionErrors.values().stream().mapToInt(Integer::intValue).sum() <= 5) {
                    out.println("  " + action + " answered " + reply.status() + ": " + reply.body());
                }
            } catch (Exception e) {
                actionErrors.merge(action + " -> " + e.getClass().getSimpleName(), 1, Integer::sum);
            }
            return null;
        }

        // --- observing ---------------------------------------------------------------------------------------

        private List<DeliveredMessage> alertsAtFake() {
            return fake.messages().all().stream().filter(m -> m.route() != Route.SESSION_REPLY).toList();
        }

        /** Every triggered alert has its outbox entry and no entry is pending. */
        private boolean awaitDrained(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int expected = triggered.values().stream().mapToInt(Integer::intValue).sum();
            while (System.nanoTime() < deadline) {
                List<Document> entries = outbox.all();
                if (entries.size() >= expected && entries.stream().noneMatch(e -> "PENDING".equals(e.getString("status")))) {
                    return true;
                }
                Thread.sleep(250);
            }
            return false;
        }

        static DeliveryLedger.Entry entry(Document e) {
            AlertKind kind = AlertKind.valueOf(e.getString("kind"));
            List<DeliveryLedger.Recipient> recipients = new ArrayList<>();
            List<Document> stored = e.getList("recipients", Document.class);
            if (stored != null) {
                stored.forEach(r -> recipients.add(new DeliveryLedger.Recipient(r.getString("userId"),
                        r.getString("status"))));
            }
            return new DeliveryLedger.Entry(e.getString("_id"), kind.name(),
                    kind.audience() == AlertKind.Audience.OFFICE_GROUP, e.getString("status"), e.getString("text"),
                    recipients);
        }

        private static String seconds(Instant from, Instant to) {
            return String.format("%.1f", Duration.between(from, to).toMillis() / 1000.0);
        }

        private static long percentile(List<Long> sorted, double p) {
            int index = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }
}
