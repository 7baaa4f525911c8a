package io.duban.harness.bench;

import io.duban.bot.alert.Outbox;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.duban.command.api.Actor;
import io.duban.command.api.AppointOfficial;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.Channel;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.ImportPolicy;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.Milestone;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.Role;
import io.duban.command.api.SupportItem;
import io.duban.command.api.dispatch.CommitmentsJoinedDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
import io.duban.command.catalog.BundledPolicyProperties;
import io.duban.command.dispatch.DispatchReports;
import io.duban.query.api.board.BoardSummary;
import io.duban.query.api.board.FindBoardSummary;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.dispatch.FindDispatchRound;
import io.duban.query.api.inbox.FindOfficeInbox;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.api.overdue.FindOverdueHistory;
import io.duban.query.api.overdue.OverdueHistory;
import io.duban.query.api.scorecard.FindOnTimeRates;
import io.duban.query.api.scorecard.FindScorecard;
import io.duban.query.api.scorecard.OnTimeRates;
import io.duban.query.api.scorecard.Scorecard;
import io.duban.query.rebuild.ViewRebuilder;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console's render times (issue 13): seeds {@code --console-commitments} commitments as the events their
 * commands would have recorded, and this quarter's dispatch round with them (joined, and a report from each that
 * reported), appended through Axon's event store so that every view builds them as in production; waits until every
 * running processor has caught up (dispatch-reports is paused: it would turn the seeded reports into commands whose
 * events are seeded already), signs
 * in as the office through the login form, and times {@code --console-requests} sequential requests of 总览 and 待办
 * after a warm-up: p50/p95/max beside the target, and the MongoDB commands each page sent (a page issuing one query
 * per row shows here as a count that grows with the data). Timed twice: at once, while the bot delivers the
 * thousands of overdue alerts the seeding caused (the busiest hour the office will see), and again once they are
 * delivered (its ordinary day); the target stands beside both.
 * <p>
 * The mix, by commitment number i: every 6th has a milestone overdue and escalating (every 12th up to the office's
 * level), every 10th is due within the fortnight, every 20th claims completion, every 100th has a deadline change
 * pending and another open major issue; all but every 5th have reported this quarter. Dates are relative to today, so the lights
 * come out the same any day.
 */
final class ConsoleBench {

    static final String POLICY_PREFIX = "console-";
    private static final int WARMUP = 3;
    private static final Duration PAGE_BUDGET = Duration.ofMinutes(2);
    /** How long the bench waits for the bot to deliver the seeded overdue alerts before timing the pages again. */
    private static final Duration DRAIN_BUDGET = Duration.ofMinutes(2);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<Page> PAGES = List.of(new Page("总览", "/console/overview"),
            new Page("待办", "/console/inbox"));

    private record Page(String title, String path) {
    }

    private final BenchOptions options;
    private final BenchResult result;
    private final PrintStream out;

    ConsoleBench(BenchOptions options, BenchResult result, PrintStream out) {
        this.options = options;
        this.result = result;
        this.out = out;
    }

    void run(ConfigurableApplicationContext app, List<SupportItem> items) throws Exception {
        int wanted = options.consoleCommitments();
        long seedStart = System.nanoTime();
        long seeded = seed(app, items, wanted);
        result.detail("consoleCommitments", wanted);
        result.detail("consoleEventsSeeded", seeded);
        out.printf("console: %d commitments, %d events seeded in %.1f s%n", wanted, seeded,
                (System.nanoTime() - seedStart) / 1e9);

        long waitStart = System.nanoTime();
        boolean caughtUp = awaitEveryProcessor(app, Duration.ofMinutes(30));
        double waited = (System.nanoTime() - waitStart) / 1e9;
        result.detail("consoleProcessorsCaughtUp", caughtUp);
        result.figure("console: seeded events until every processor caught up", waited, "s");
        out.printf("console: every processor %s after %.1f s%n", caughtUp ? "caught up" : "NOT caught up", waited);

        timeQueries(app);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        Browser office = Browser.signedIn(port, "office", "office-demo");
        MongoCommandCounter counter = app.getBean(MongoCommandCounter.class);
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        long pendingAlerts = pendingAlerts(mongo);
        result.detail("consolePendingAlertsWhenTimed", pendingAlerts);
        timePages(office, counter, wanted, "while the bot delivers " + pendingAlerts + " alerts");

        // the same pages once the bot has delivered the alerts the seeding made overdue: the office's ordinary day
        long drainStart = System.nanoTime();
        long atDrainStart = pendingAlerts(mongo);
        while (pendingAlerts(mongo) > 0 && System.nanoTime() - drainStart < DRAIN_BUDGET.toNanos()) {
            Thread.sleep(1_000);
        }
        long left = pendingAlerts(mongo);
        double drained = (System.nanoTime() - drainStart) / 1e9;
        result.detail("consoleAlertsWaitedFor", Math.round(drained));
        result.figure("console: the bot's alerts still pending after the wait", left, "alerts");
        result.figure("console: the bot's delivery rate meanwhile", (atDrainStart - left) / drained, "alerts/s");
        out.printf("console: %d alerts still pending after %.0f s%n", left, drained);
        if (left == 0) {
            timePages(office, counter, wanted, "once the alerts are delivered");
        }
    }

    private void timePages(Browser office, MongoCommandCounter counter, int wanted, String when) {
        for (Page page : PAGES) {
            try {
                timePage(office, counter, page, wanted, when);
            } catch (RuntimeException e) {
                // reported, not fatal: the other page and the phases after this one still count
                result.detail("consolePageFailed." + page.path() + " " + when, e.getMessage());
                out.println("console: " + page.path() + " (" + when + ") failed: " + e.getMessage());
            }
        }
    }

    private static long pendingAlerts(MongoTemplate mongo) {
        return mongo.getCollection(Outbox.PENDING).countDocuments();
    }

    /**
     * The queries 总览 and 待办 send (and 考核评价's), each timed alone through the query bus after two warm-up asks:
     * what the pages' times are made of.
     */
    private void timeQueries(ConfigurableApplicationContext app) {
        QueryGateway queries = app.getBean(QueryGateway.class);
        LocalDate today = LocalDate.now(ZONE);
        Map<String, Supplier<CompletableFuture<?>>> asked = new LinkedHashMap<>();
        asked.put("FindBoardSummary", () -> queries.query(new FindBoardSummary(10), BoardSummary.class));
        asked.put("FindOnTimeRates", () -> queries.query(new FindOnTimeRates(today.withDayOfYear(1),
                today.withDayOfYear(today.lengthOfYear())), OnTimeRates.class));
        asked.put("FindScorecard (考核评价)", () -> queries.query(new FindScorecard(today.withDayOfYear(1),
                today.withDayOfYear(today.lengthOfYear())), Scorecard.class));
        asked.put("FindOfficeInbox(0, 5) (总览)", () -> queries.query(new FindOfficeInbox(0, 5), OfficeInbox.class));
        asked.put("FindOfficeInbox() (待办)", () -> queries.query(new FindOfficeInbox(), OfficeInbox.class));
        asked.put("FindDispatchRound", () -> queries.query(new FindDispatchRound(DispatchRoundId.of(today)),
                DispatchRoundView.class));
        asked.put("FindOverdueHistory", () -> queries.query(new FindOverdueHistory(today.minusDays(90), today),
                OverdueHistory.class));
        asked.forEach((name, query) -> {
            for (int warm = 0; warm < 2; warm++) {
                try {
                    query.get().get(2, TimeUnit.MINUTES); // the first answers fill the readers' kept views
                } catch (Exception e) {
                    break; // timed and reported below
                }
            }
            long t0 = System.nanoTime();
            try {
                query.get().get(2, TimeUnit.MINUTES);
                double millis = (System.nanoTime() - t0) / 1e6;
                result.figure("console: query " + name + " alone, after two", millis, "ms");
                out.printf("console: %s in %.0f ms%n", name, millis);
            } catch (Exception e) {
                result.detail("consoleQueryFailed." + name, e.getClass().getSimpleName() + " after "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
                out.printf("console: %s failed after %d ms: %s%n", name, (System.nanoTime() - t0) / 1_000_000, e);
            }
        });
    }

    private void timePage(Browser office, MongoCommandCounter counter, Page page, int wanted, String when) {
        try {
            for (int i = 0; i < WARMUP; i++) {
                office.page(page);
            }
            // at most --console-requests requests, and no more than the page's time budget allows (a page that takes
            // seconds is timed over fewer requests, said in the figure's name, rather than for an hour)
            long budgetEnd = System.nanoTime() + PAGE_BUDGET.toNanos();
            long[] all = new long[options.consoleRequests()];
            long[] counted = new long[all.length];
            int bytes = 0;
            int n = 0;
            while (n < all.length && (n == 0 || System.nanoTime() < budgetEnd)) {
                long before = counter.started();
                long t0 = System.nanoTime();
                bytes = office.page(page).length();
                all[n] = System.nanoTime() - t0;
                counted[n] = counter.started() - before;
                n++;
            }
            long[] nanos = Arrays.copyOf(all, n);
            long[] commands = Arrays.copyOf(counted, n);
            Arrays.sort(nanos);
            Arrays.sort(commands);
            String name = "console " + page.title() + " " + page.path() + " at " + wanted + " commitments, " + when;
            result.figure(name + ": p50 (" + n + ")", Percentile.of(nanos, 0.50) / 1e6, "ms");
            result.figure(name + ": p95 (" + n + ")", Percentile.of(nanos, 0.95) / 1e6, "ms", "<", Targets.CONSOLE_P95_MS);
            result.figure(name + ": max", nanos[n - 1] / 1e6, "ms");
            result.figure(name + ": MongoDB commands per request (median; max " + commands[n - 1] + ")",
                    commands[n / 2], "cmds");
            result.detail("consolePageChars." + page.path(), bytes);
            out.printf("console: %s (%s) p50 %.0f ms, p95 %.0f ms, %d MongoDB commands%n", page.path(), when,
                    Percentile.of(nanos, 0.50) / 1e6, Percentile.of(nanos, 0.95) / 1e6, commands[n / 2]);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Appends the commitments' events in batches; answers how many events. */
    private long seed(ConfigurableApplicationContext app, List<SupportItem> items, int wanted) throws Exception {
        EventStore eventStore = app.getBean(EventStore.class);
        CommandGateway commands = app.getBean(CommandGateway.class);
        BundledPolicyProperties bundled = app.getBean(BundledPolicyProperties.class);
        String text = BundledPolicyText.of(bundled);
        // The round's joins and reports are seeded below as the events DispatchReports' commands would record;
        // left running, it would send 20,000 commands for them (the write path, measured by the write phase).
        app.getBean(EventProcessingConfiguration.class).eventProcessor(DispatchReports.PROCESSING_GROUP)
                .ifPresent(EventProcessor::shutDown);
        result.detail("consoleDispatchReportsPaused", true);
        int pairsPerPolicy = items.stream().mapToInt(i -> i.units().size()).sum();
        int policies = (wanted + pairsPerPolicy - 1) / pairsPerPolicy;
        for (int p = 1; p <= policies; p++) {
            commands.sendAndWait(new ImportPolicy(POLICY_PREFIX + p, text, Actor.system("bench")));
        }
        appointEveryUnit(commands, items);
        LocalDate today = LocalDate.now(ZONE);
        EventAppender appender = new EventAppender(eventStore);
        int made = 0;
        List<String> joined = new ArrayList<>();
        List<QuarterlyReportRecorded> reports = new ArrayList<>();
        outer:
        for (int p = 1; p <= policies; p++) {
            for (SupportItem item : items) {
                for (ResponsibleUnit unit : item.units()) {
                    if (made == wanted) {
                        break outer;
                    }
                    Events events = commitment(made++, POLICY_PREFIX + p, item, unit, today);
                    appender.addAll(events.messages);
                    joined.add(events.aggregateId);
                    events.report().ifPresent(reports::add);
                }
            }
        }
        seedRound(eventStore, appender, today, joined, reports);
        return appender.flush();
    }

    /**
     * An official and a unit leader for every unit, as production's directory has: with only the demo's three units
     * staffed, the other units' alerts waited for somebody to send them to, and the bot's load was not the load.
     */
    private static void appointEveryUnit(CommandGateway commands, List<SupportItem> items) {
        items.stream().flatMap(item -> item.units().stream()).map(ResponsibleUnit::unitId).distinct().forEach(unit -> {
            for (OfficialRole role : List.of(OfficialRole.OFFICIAL, OfficialRole.UNIT_LEADER)) {
                commands.sendAndWait(new AppointOfficial("bench-" + role.name().toLowerCase() + "-" + unit,
                        "压测" + (role == OfficialRole.OFFICIAL ? "联络员" : "负责人"), role, List.of(unit),
                        Actor.system("bench")));
            }
        });
    }

    /** This quarter's round: the commitments join it, and those that reported count (opened first if need be). */
    private static void seedRound(EventStore eventStore, EventAppender appender, LocalDate today, List<String> joined,
                                  List<QuarterlyReportRecorded> reports) {
        appender.flush(); // the round's last sequence number, below, must see what came before
        String roundId = DispatchRoundId.of(today);
        LocalDate start = DispatchRoundId.quarterStart(roundId);
        Actor recorder = Actor.system("季度调度登记");
        List<Object> payloads = new ArrayList<>();
        long next = eventStore.lastSequenceNumberFor(roundId).map(last -> last + 1).orElse(0L);
        payloads.add(next == 0
                ? new DispatchRoundOpened(roundId, start, DispatchRoundId.quarterEnd(roundId), start.plusDays(14),
                        joined, recorder)
                : new CommitmentsJoinedDispatchRound(roundId, start.plusDays(14), joined, recorder));
        payloads.addAll(reports);
        for (Object payload : payloads) {
            appender.add(new GenericDomainEventMessage<>("DispatchRound", roundId, next++, payload));
        }
    }

    private static Events commitment(int i, String policy, SupportItem item, ResponsibleUnit unit, LocalDate today) {
        String id = CommitmentId.of(policy, item.number(), unit.unitId());
        Actor actor = new Actor("console-" + unit.unitId(), "控制台压测（" + unit.name() + "）", Role.UNIT,
                Set.of(unit.unitId()), Channel.WEB, null);
        boolean overdue = i % 6 == 0;
        boolean dueSoon = i % 10 == 1;
        LocalDate m1 = overdue ? today.minusDays(40) : dueSoon ? today.minusDays(30) : today.plusDays(60 + i % 90);
        LocalDate m2 = dueSoon ? today.plusDays(1 + i % 13) : today.plusDays(160 + i % 90);
        LocalDate due = m2.plusDays(30);
        Events events = new Events(id);
        events.add(new CommitmentRegistered(id, policy, item.number(), unit.unitId(), unit.name(),
                new ResponsiblePerson("责任人" + item.number(), "处长"), "先制定实施方案，再分步落实第 " + item.number() + " 项",
                today.minusDays(200), due, List.of(new Milestone("M1", "制定实施方案", m1),
                        new Milestone("M2", "全面落实", m2)), actor));
        if (dueSoon) {
            events.add(new MilestoneCompleted(id, "M1", "方案已印发", actor));
        }
        int percent = 10 + i % 80;
        if (i % 5 != 0) { // every 5th has not reported this quarter yet
            String note = "第 1 次进度报告：已完成 " + percent + "%";
            events.add(new ProgressReported(id, percent, 0, note, null, actor));
            events.reported(new QuarterlyReportRecorded(DispatchRoundId.of(today), id, percent, note, actor,
                    java.time.Instant.now(), false, Actor.system("季度调度登记")));
        }
        if (overdue) {
            events.add(new MilestoneBecameOverdue(id, "M1", m1, Actor.schedule()));
            events.add(new EscalationStarted(id, "M1", m1, List.of(3, 7), Actor.schedule()));
            events.add(new EscalationRaised(id, "M1", m1, 2, Actor.schedule()));
            if (i % 12 == 0) {
                events.add(new EscalationRaised(id, "M1", m1, 3, Actor.schedule()));
            }
        }
        if (i % 100 == 2) {
            events.add(new DeadlineChangeRequested(id, "change-1", "M2", m2, m2.plusDays(30), "配套资金尚未到位", actor));
        }
        if (i % 100 == 3) {
            events.add(new MajorIssueRaised(id, "issue-1", "用地指标不足", "项目用地需自治区统筹解决", actor));
        }
        if (i % 20 == 4) {
            events.add(new CompletionClaimed(id, "已全面完成", actor));
        }
        return events;
    }

    /** One commitment's events, numbered as its aggregate would. */
    private static final class Events {
        private final String aggregateId;
        private final List<EventMessage<?>> messages = new ArrayList<>();
        private QuarterlyReportRecorded report;

        void reported(QuarterlyReportRecorded recorded) {
            this.report = recorded;
        }

        java.util.Optional<QuarterlyReportRecorded> report() {
            return java.util.Optional.ofNullable(report);
        }

        Events(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        void add(Object payload) {
            messages.add(new GenericDomainEventMessage<>("Commitment", aggregateId, messages.size(), payload));
        }
    }

    /**
     * Until every running streaming processor (the views, the bot's, dispatch-reports, which turns the seeded
     * registrations and reports into the round's joins and reports, whose events the views then build) is at the
     * head of the event store, twice in a row a second apart (a processor's commands append new events).
     */
    static boolean awaitEveryProcessor(ConfigurableApplicationContext app, Duration timeout)
            throws InterruptedException {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        EventStore eventStore = app.getBean(EventStore.class);
        ViewRebuilder rebuilder = app.getBean(ViewRebuilder.class);
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietChecks = 0;
        while (System.nanoTime() < deadline) {
            TrackingToken head = eventStore.createHeadToken();
            boolean all = processing.eventProcessors().values().stream()
                    .filter(p -> p instanceof StreamingEventProcessor s && s.isRunning())
                    .map(StreamingEventProcessor.class::cast)
                    .allMatch(p -> atHead(p, head));
            quietChecks = all ? quietChecks + 1 : 0;
            if (quietChecks == 2 && rebuilder.awaitUpToDate(Duration.ZERO)) {
                return true;
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    private static boolean atHead(StreamingEventProcessor processor, TrackingToken head) {
        if (processor.processingStatus().isEmpty()) {
            return true; // holds no segment here (another node would): nothing to wait for
        }
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            TrackingToken token = status.getTrackingToken();
            if (status.isErrorState() || token == null || !token.covers(head)) {
                return false;
            }
        }
        return true;
    }

    /** A browser's session: signed in through the form with its CSRF token; follows no redirects. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        private Browser(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        static Browser signedIn(int port, String user, String password) throws Exception {
            Browser browser = new Browser(port);
            Matcher csrf = CSRF.matcher(browser.get("/login").body());
            if (!csrf.find()) {
                throw new IllegalStateException("no _csrf field on the login page");
            }
            String form = "_csrf=" + enc(csrf.group(1)) + "&username=" + enc(user) + "&password=" + enc(password);
            HttpResponse<String> signIn = browser.http.send(HttpRequest.newBuilder(URI.create(browser.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = signIn.headers().firstValue("Location").orElse("");
            if (signIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("sign-in as " + user + " failed: " + signIn.statusCode() + " " + location);
            }
            return browser;
        }

        String page(Page page) throws Exception {
            HttpResponse<String> response = get(page.path());
            if (response.statusCode() != 200 || !response.body().contains(page.title())) {
                throw new IllegalStateException(page.path() + " answered " + response.statusCode());
            }
            return response.body();
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
