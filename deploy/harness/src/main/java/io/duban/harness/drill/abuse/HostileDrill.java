package io.duban.harness.drill.abuse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.bot.alert.Outbox;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeCallback;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.Route;
import io.duban.bot.signature.CallbackSigner;
import io.duban.bot.signature.Secret;
import io.duban.bot.signature.Secret;
import io.duban.command.api.SupportItem;
import io.duban.harness.drill.Drill;
import io.duban.harness.drill.DrillReport;
import io.duban.query.rebuild.ViewRebuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code drill hostile}: thousands of hostile request bodies against every POST route of the REST API and the
 * DingTalk callback, on the real application. Each answer is judged ({@link HostileVerdict}): never a 5xx; a 4xx is an
 * RFC 7807 problem detail in Chinese with a code; a bad signature gets 401; a signed message is answered in Chinese
 * and never acted on. Around the run the event store, the DingTalk outbox and the messages at the fake are counted:
 * they must not move, while a handful of valid control requests afterwards must move them (the counters work).
 */
public final class HostileDrill implements Drill {

    static final String CZT = "自治区财政厅";
    static final String JYT = "自治区教育厅";
    private static final String OWN_OFFICIAL = "demo-czt-wang";
    private static final String OTHER_OFFICIAL = "demo-jyt-li";
    private static final String REMOVABLE_OFFICIAL = "demo-fgw-chen";

    @Override
    public String name() {
        return "hostile";
    }

    @Override
    public String summary() {
        return "hostile REST bodies and DingTalk callbacks: no 5xx, problem details, nothing recorded "
                + "[--count=10000 --seed=N --show=25 --db-url=jdbc:postgresql://...]";
    }

    @Override
    public DrillReport run(List<String> args, PrintStream out) throws Exception {
        DrillArgs a = DrillArgs.parse(args, Set.of("count", "seed", "show", "db-url", "timeout"));
        int count = a.positiveInt("count", 10_000);
        long seed = a.longValue("seed", 20261125L);
        int show = a.positiveInt("show", 25);
        Duration timeout = a.duration("timeout", Duration.ofSeconds(60));
        String dbUrl = a.string("db-url", System.getenv("DUBAN_BENCH_POSTGRES_URL"));
        try (DrillApplication app = DrillApplication.start("hostile", dbUrl, List.of(
                "--duban.dispatch.enabled=false", "--duban.dingtalk.poll-interval=200ms",
                "--duban.dingtalk.max-backoff=2s",
                // every refused signature and unanswerable session URL is logged at WARN: thousands of lines here
                "--logging.level.io.duban.bot.inbound=ERROR"), out)) {
            return new Run(app.context(), app.database(), count, seed, show, timeout, out).run();
        }
    }

    /** One run against one started application. */
    static final class Run {

        private final ConfigurableApplicationContext app;
        private final String database;
        private final int count;
        private final long seed;
        private final int show;
        private final PrintStream out;
        private final DrillHttp http;
        private final FakeDingTalk fake;
        private final CallbackSigner signer;
        private final CallbackSigner foreignSigner = new CallbackSigner(Secret.of("not-the-app-secret-0123456789"));

        Run(ConfigurableApplicationContext app, String database, int count, long seed, int show, Duration timeout,
            PrintStream out) {
            this.app = app;
            this.database = database;
            this.count = count;
            this.seed = seed;
            this.show = show;
            this.out = out;
            this.http = new DrillHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), timeout);
            this.fake = app.getBean(FakeDingTalk.class);
            this.signer = new CallbackSigner(Secret.of(fake.settings().appSecret().reveal()));
        }

        DrillReport run() throws Exception {
            DrillReport report = new DrillReport("hostile");
            HostileTargets targets = fixtures();
            settle();
            Counts before = counts();
            out.printf("fixtures ready: %s (czt), %s (jyt), change %s, issue %s; sending %d hostile requests "
                    + "(seed %d)%n", targets.ownCommitment(), targets.otherCommitment(), targets.pendingChange(),
                    targets.openIssue(), count, seed);

            HostileBodies bodies = new HostileBodies(seed, targets);
            HostileVerdict.Tally tally = new HostileVerdict.Tally();
            List<String> shown = new ArrayList<>();
            int failedRequests = 0;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                HostileRequest request = bodies.next();
                int repliesBefore = sessionReplies().size();
                HostileVerdict.Answer answer = send(request);
                List<DeliveredMessage> replies = sessionReplies();
                int newReplies = replies.size() - repliesBefore;
                String lastReply = newReplies > 0 ? replies.get(replies.size() - 1).text() : null;
                List<HostileVerdict.Failure> failures = HostileVerdict.judge(request, answer, newReplies, lastReply);
                tally.add(request, answer, failures);
                if (!failures.isEmpty()) {
                    failedRequests++;
                    if (shown.size() < show) {
                        shown.add(failures + " " + request.describe(300) + "\n      -> " + answer.status() + " ["
                                + answer.contentType() + "] " + HostileRequest.escape(cut(answer.body()
                                + (answer.error() == null ? "" : answer.error()), 400)));
                    }
                }
                if ((i + 1) % 1000 == 0) {
                    out.printf("  %d/%d sent, %d failed so far (%.0f s)%n", i + 1, count, failedRequests,
                            (System.nanoTime() - start) / 1e9);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            settle();
            Counts after = counts();

            out.println();
            out.println("per category: sent / 2xx / 4xx / 5xx / no answer / failed");
            tally.rows().forEach((category, row) -> out.printf("  %-24s %5d %5d %5d %5d %5d %5d   %s%n", category,
                    row.sent, row.ok, row.clientError, row.serverError, row.noAnswer, row.failed,
                    category.description()));
            out.println("answers by status: " + tally.statuses());
            if (!tally.signatures().isEmpty()) {
                out.println("failures by kind, route and status:");
                tally.signatures().forEach((k, v) -> out.printf("  %5d  %s%n", v, k));
                out.println("first " + shown.size() + " failing requests:");
                shown.forEach(s -> out.println("  " + s));
            }

            Controls controls = controls(targets, after);

            report.figure("seed", seed);
            report.figure("database", database);
            report.figure("hostile requests sent", tally.sent());
            report.figure("request body bytes sent", tally.bytes());
            report.figure("wall time (s)", String.format("%.1f", seconds));
            report.figure("requests per second", String.format("%.0f", tally.sent() / seconds));
            report.figure("answers by status", tally.statuses());
            report.figure("DomainEventEntry rows before / after", before.events + " / " + after.events);
            report.figure("dingtalk_outbox entries before / after", before.outbox + " / " + after.outbox);
            report.figure("messages at the fake (1:1, group, webhook) before / after",
                    before.alerts + " / " + after.alerts);
            report.figure("control requests: events / outbox entries / urging messages", controls.summary());

            for (HostileVerdict.Failure f : HostileVerdict.Failure.values()) {
                report.check(f.description(), tally.count(f));
            }
            report.check("events recorded by hostile requests (DomainEventEntry rows added)",
                    Math.abs(after.events - before.events));
            report.check("DingTalk outbox entries added by hostile requests", Math.abs(after.outbox - before.outbox));
            report.check("DingTalk messages sent because of hostile requests", Math.abs(after.alerts - before.alerts));
            report.check("valid control requests recorded (the counters work)", controls.wrong());
            return report;
        }

        // --- fixtures ------------------------------------------------------------------------------------------

        private HostileTargets fixtures() throws Exception {
            String policyId = DrillCatalog.policyId(app);
            List<SupportItem> items = DrillCatalog.items(app);
            List<SupportItem> czt = items.stream().filter(i -> DrillCatalog.lists(i, CZT)).toList();
            SupportItem own = czt.stream().filter(i -> i.number() == 31).findFirst().orElse(czt.get(0));
            SupportItem free = czt.stream().filter(i -> i != own).findFirst().orElseThrow(
                    () -> new IllegalStateException(CZT + " is listed for one item only"));
            SupportItem other = items.stream().filter(i -> DrillCatalog.lists(i, JYT)).findFirst().orElseThrow(
                    () -> new IllegalStateException("no item lists " + JYT));
            LocalDate today = LocalDate.now(app.getBean(Clock.class));
            LocalDate start = today.minusDays(10);
            LocalDate due = today.plusDays(700);
            LocalDate milestoneDue = today.plusDays(300);
            String ownId = register("czt", policyId, own.number(), start, due, milestoneDue);
            String otherId = register("jyt", policyId, other.number(), start, due, milestoneDue);
            String change = expect(201, http.postJson("czt", "/api/commitments/" + ownId + "/deadline-changes",
                    "{\"milestoneId\":\"M1\",\"requestedDueDate\":\"" + milestoneDue.plusDays(60)
                            + "\",\"reason\":\"征求意见时间延长\"}")).json().path("reference").asText();
            String issue = expect(201, http.postJson("czt", "/api/commitments/" + ownId + "/issues",
                    "{\"summary\":\"年度补助资金缺口\"}")).json().path("reference").asText();
            List<String> views = app.getBean(ViewRebuilder.class).viewNames();
            return new HostileTargets(policyId, ownId, own.number(), free.number(), unitOf(ownId), otherId,
                    unitOf(otherId), "M1", change, issue, OWN_OFFICIAL, OTHER_OFFICIAL, REMOVABLE_OFFICIAL, start, due,
                    milestoneDue, views);
        }

        private String register(String user, String policyId, int item, LocalDate start, LocalDate due,
                                LocalDate milestoneDue) throws Exception {
            return expect(201, http.postJson(user, "/api/commitments", """
                    {"policyId":"%s","itemNumber":%d,"responsible":{"name":"王五","position":"处长"},
                     "roadmap":"先制定方案，再分步落实","startDate":"%s","dueDate":"%s",
                     "milestones":[{"title":"制定实施方案","dueDate":"%s"}]}"""
                    .formatted(policyId, item, start, due, milestoneDue))).json().path("commitmentId").asText();
        }

        private static String unitOf(String commitmentId) {
            return commitmentId.substring(commitmentId.lastIndexOf('.') + 1);
        }

        private static DrillHttp.Reply expect(int status, DrillHttp.Reply reply) {
            if (reply.status() != status) {
                throw new IllegalStateException("fixture step answered " + reply.status() + ": " + reply.body());
            }
            return reply;
        }

        // --- sending -------------------------------------------------------------------------------------------

        private HostileVerdict.Answer send(HostileRequest request) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (request.contentType() != null) {
                headers.put("Content-Type", request.contentType());
            }
            if (request.authorization() != null) {
                headers.put("Authorization", request.authorization());
            } else if (request.user() != null) {
                headers.put("Authorization", DrillHttp.basic(request.user()));
            }
            byte[] body = request.body();
            if (request.isCallback()) {
                body = withSession(body);
                signatureHeaders(request, headers);
            }
            try {
                DrillHttp.Reply reply = http.send(request.path(), body, request.chunked(), headers);
                return new HostileVerdict.Answer(reply.status(), reply.contentType(), reply.body(), null);
            } catch (IOException | RuntimeException e) {
                return HostileVerdict.Answer.none(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HostileVerdict.Answer.none(e.toString());
            }
        }

        /** Puts a live sessionWebhook at the fake (and its expiry) where the generator left placeholders. */
        private byte[] withSession(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (!text.contains(HostileRequest.SESSION_WEBHOOK) && !text.contains(HostileRequest.SESSION_EXPIRES)) {
                return body;
            }
            ObjectNode session = fake.callbackBody(FakeCallback.oneToOne(OWN_OFFICIAL, "王演示", "x"));
            return text.replace(HostileRequest.SESSION_WEBHOOK, session.path("sessionWebhook").asText())
                    .replace(HostileRequest.SESSION_EXPIRES, session.path("sessionWebhookExpiredTime").asText())
                    .getBytes(StandardCharsets.UTF_8);
        }

        private void signatureHeaders(HostileRequest request, Map<String, String> headers) {
            long now = System.currentTimeMillis();
            String ts = Long.toString(now);
            switch (request.sign()) {
                case VALID -> {
                    headers.put("timestamp", ts);
                    headers.put("sign", signer.sign(now));
                }
                case WRONG_SIGN -> {
                    headers.put("timestamp", ts);
                    headers.put("sign", forged(request.index()));
                }
                case NO_HEADERS -> {
                }
                case NO_SIGN -> headers.put("timestamp", ts);
                case NO_TIMESTAMP -> headers.put("sign", signer.sign(now));
                case STALE -> {
                    long stale = now - Duration.ofHours(2).toMillis();
                    headers.put("timestamp", Long.toString(stale));
                    headers.put("sign", signer.sign(stale));
                }
                case FUTURE -> {
                    long future = now + Duration.ofHours(2).toMillis();
                    headers.put("timestamp", Long.toString(future));
                    headers.put("sign", signer.sign(future));
                }
                case MALFORMED_TIMESTAMP -> {
                    String[] bad = {"abc", "1e12", "-1", "0x1", " ", ts + "0000000000", ts + ".0", "+" + ts,
                            "9".repeat(400), ts + " " + ts};
                    headers.put("timestamp", bad[request.index() % bad.length]);
                    headers.put("sign", signer.sign(now));
                }
                case OTHER_SECRET -> {
                    headers.put("timestamp", ts);
                    headers.put("sign", foreignSigner.sign(now));
                }
                case SIGN_FOR_OTHER_TIMESTAMP -> {
                    headers.put("timestamp", ts);
                    headers.put("sign", signer.sign(now - 1_000));
                }
                case URL_ENCODED_SIGN -> {
                    headers.put("timestamp", ts);
                    headers.put("sign", URLEncoder.encode(signer.sign(now), StandardCharsets.UTF_8) + "%3D");
                }
            }
        }

        private static String forged(int index) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(("forged-" + index)
                        .getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(digest);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private List<DeliveredMessage> sessionReplies() {
            return fake.messages().by(Route.SESSION_REPLY);
        }

        // --- counting ------------------------------------------------------------------------------------------

        record Counts(long events, long outbox, long alerts) {
        }

        Counts counts() throws SQLException {
            long events;
            try (Connection c = app.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
                 // the dispatch round's bookkeeping (a registration opens or joins the quarter's round, asynchronously)
                 // follows the recorded events; counting it would make the control count depend on timing
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DomainEventEntry"
                         + " WHERE type IS NULL OR type <> 'DispatchRound'")) {
                rs.next();
                events = rs.getLong(1);
            }
            long outbox = app.getBean(MongoTemplate.class).getCollection(Outbox.COLLECTION).countDocuments();
            long alerts = fake.messages().all().stream().filter(m -> m.route() != Route.SESSION_REPLY).count();
            return new Counts(events, outbox, alerts);
        }

        /** Views caught up, and no outbox entry still waiting to be sent. */
        private void settle() throws InterruptedException {
            app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(60));
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mongo.getCollection(Outbox.COLLECTION).countDocuments(new org.bson.Document("status", "PENDING")) > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1_000);
        }

        // --- controls ------------------------------------------------------------------------------------------

        record Controls(long events, long outbox, long alerts, long wrong) {
            String summary() {
                return events + " / " + outbox + " / " + alerts + " (expected " + EXPECTED_EVENTS + " / 1 / 1)";
            }
        }

        static final int EXPECTED_EVENTS = 4;

        /**
         * Four valid requests that must each record one event, whatever hostile requests did before them (a lower
         * percentage comes with its reason); the urging also sends exactly one message to czt's official.
         */
        private Controls controls(HostileTargets t, Counts before) throws Exception {
            long wrong = 0;
            String c = "/api/commitments/" + t.ownCommitment();
            String urge = "对照：请按时报送进展 " + seed;
            wrong += http.postJson("czt", c + "/progress", "{\"percent\":40,\"note\":\"对照：进度报告\","
                    + "\"reasonForDecrease\":\"对照：核减\"}").status() == 200 ? 0 : 1;
            wrong += http.postJson("office", c + "/urging", "{\"text\":\"" + urge + "\"}").status() == 200 ? 0 : 1;
            wrong += http.postJson("office", "/api/officials", "{\"userId\":\"drill-control-" + seed
                    + "\",\"name\":\"对照人员\",\"role\":\"OFFICIAL\",\"units\":[\"" + CZT + "\"]}").status() == 200
                    ? 0 : 1;
            var reply = fake.deliverCallback(java.net.URI.create(http.base() + "/api/dingtalk/callback"),
                    FakeCallback.oneToOne(OWN_OFFICIAL, "王演示", "#" + t.ownItem() + " 进度 45% 对照核减"));
            wrong += reply.status() == 200 && reply.body().contains("RECORDED") ? 0 : 1;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (urged(urge) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1_000); // a second copy would come within a few sender passes
            Counts after = counts();
            long events = after.events - before.events;
            long outbox = after.outbox - before.outbox;
            long alerts = urged(urge);
            wrong += Math.abs(events - EXPECTED_EVENTS) + Math.abs(outbox - 1) + Math.abs(alerts - 1);
            return new Controls(events, outbox, alerts, wrong);
        }

        private long urged(String text) {
            return fake.messages().to(OWN_OFFICIAL).stream().filter(m -> m.route() == Route.ONE_TO_ONE)
                    .filter(m -> m.text().contains(text)).count();
        }

        private static String cut(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max) + "…";
        }
    }
}
