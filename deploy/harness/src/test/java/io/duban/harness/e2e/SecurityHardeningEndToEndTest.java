package io.duban.harness.e2e;

import io.duban.deploy.e2e.Api;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.duban.harness.demo.DemoApplication;
import io.duban.harness.demo.DevEndpointAccessLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service in the demo profile as a hostile tester sees it (issue 11, security). The developer endpoints of the
 * local DingTalk fake: nobody speaks as another unit's official, only the office reads the bot's messages or switches
 * faults, and every call is in the access log. The data directory is owner-only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHardeningEndToEndTest {

    private static final String REPLIES = "/api/dev/dingtalk/replies";

    @TempDir
    static Path tmp;

    /** Created by the application (JUnit's temporary directory is already 0700). */
    private Path dataDir;

    private ConfigurableApplicationContext app;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Api api;
    private JdbcTemplate jdbc;
    private final ListAppender<ILoggingEvent> accessLog = new ListAppender<>();

    @BeforeAll
    void start() {
        dataDir = tmp.resolve("data");
        app = DemoApplication.run("--spring.profiles.active=demo",
                "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0", "--duban.dispatch.enabled=false",
                // every request of this test comes from 127.0.0.1: the per-address limit is LoginThrottleTest's
                "--duban.security.login-throttle.max-failures-per-address=1000");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        api = new Api(port);
        jdbc = app.getBean(JdbcTemplate.class);
        accessLog.start();
        Logger logger = (Logger) LoggerFactory.getLogger(DevEndpointAccessLog.LOGGER);
        logger.setLevel(Level.INFO); // the test logback configuration keeps the build log at WARN
        logger.addAppender(accessLog);
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(DevEndpointAccessLog.LOGGER)).detachAppender(accessLog);
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_unit_account_speaks_only_as_officials_of_its_own_units() {
        long events = events();
        // when 财政厅's account replies as 教育厅's official, and the read-only inspector as 财政厅's
        Api.Response asOther = api.post("czt", REPLIES, "{\"userId\":\"demo-jyt-li\",\"text\":\"#31 进度 90%\"}");
        Api.Response asInspector = api.post("inspector", REPLIES,
                "{\"userId\":\"demo-czt-wang\",\"text\":\"#31 进度 90%\"}");
        Api.Response asUnknown = api.post("czt", REPLIES, "{\"userId\":\"nobody\",\"text\":\"我的承诺\"}");
        // then: 403 problems, and nothing recorded
        assertThat(asOther.status()).as(asOther.raw()).isEqualTo(403);
        assertThat(asOther.body().get("code").asText()).isEqualTo("dev.not-your-official");
        assertThat(asOther.body().get("detail").asText()).contains("demo-jyt-li");
        assertThat(asInspector.status()).as(asInspector.raw()).isEqualTo(403);
        assertThat(asUnknown.status()).as(asUnknown.raw()).isEqualTo(403);
        assertThat(events()).isEqualTo(events);
        // while speaking as its own official works, and the office may speak as anyone
        Api.Response own = api.post("czt", REPLIES, "{\"userId\":\"demo-czt-wang\",\"text\":\"我的承诺\"}");
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().get("callbackStatus").asInt()).isEqualTo(200);
        assertThat(api.post("office", REPLIES, "{\"userId\":\"demo-jyt-li\",\"text\":\"帮助\"}").status())
                .isEqualTo(200);
    }

    @Test
    void only_the_office_reads_the_bot_messages_and_switches_faults() {
        for (String user : List.of("czt", "inspector")) {
            assertThat(api.get(user, "/api/dev/dingtalk/messages").status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/dev/dingtalk/faults", "{\"outage\":true}").status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(api.get(null, "/api/dev/dingtalk/messages").status()).isEqualTo(401);
        assertThat(api.get("office", "/api/dev/dingtalk/messages").status()).isEqualTo(200);
        assertThat(api.post("office", "/api/dev/dingtalk/faults", "{\"outage\":false}").status()).isEqualTo(200);
    }

    @Test
    void every_developer_endpoint_call_is_in_the_access_log() {
        accessLog.list.clear();
        api.get("czt", "/api/dev/dingtalk/messages");
        api.post("czt", REPLIES, "{\"userId\":\"demo-jyt-li\",\"text\":\"帮助\"}");
        api.get("office", "/api/dev/dingtalk/messages?recipient=demo-czt-wang");
        List<String> lines = accessLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("account=czt").contains("roles=ROLE_UNIT")
                .contains("GET /api/dev/dingtalk/messages -> 403").contains("at=20").contains("from=127.0.0.1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("account=czt")
                .contains("POST /api/dev/dingtalk/replies -> 403"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("may not speak as userId=demo-jyt-li"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("account=office")
                .contains("GET /api/dev/dingtalk/messages -> 200"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("-demo"));
    }

    @Test
    void the_data_directory_and_its_files_are_owner_only() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(f -> dataDir.relativize(f).toString())
                .contains("events.mv.db", "views.mv", "audit/ed25519-private.pk8.b64", "audit/ed25519-public.x509.b64");
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("audit")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void repeated_wrong_passwords_lock_the_account_even_against_the_right_one_and_are_logged_without_the_password()
            throws Exception {
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        Logger security = (Logger) LoggerFactory.getLogger("io.duban.deploy.security");
        security.addAppender(failures);
        try {
            // when 5 wrong passwords are tried for 发展改革委's account
            for (int i = 0; i < 5; i++) {
                assertThat(login("fgw", "guess-" + i).statusCode()).isEqualTo(401);
            }
            // then even the right password is answered 429 with a wait, without being checked
            HttpResponse<String> locked = login("fgw", "fgw-demo");
            assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(locked.body()).contains("\"code\":\"auth.throttled\"").contains("秒后再试");
            assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
            // other accounts are not affected
            assertThat(login("jyt", "jyt-demo").statusCode()).isEqualTo(200);
            List<String> lines = failures.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).filteredOn(l -> l.contains("Login failed for account 'fgw' from 127.0.0.1")).hasSize(5);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("'fgw'").contains("throttled"));
            assertThat(String.join("\n", lines)).doesNotContain("guess-").doesNotContain("fgw-demo");
        } finally {
            security.detachAppender(failures);
        }
    }

    @Test
    void unknown_and_known_account_names_cost_the_same() throws Exception {
        // warm up both paths
        login("office", "warm-up");
        login("nobody-warm-up", "x");
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // 4 wrong passwords per known account stay below its lockout
            for (String user : List.of("hhht", "inspector")) {
                known.add(timedFailure(user));
            }
            unknown.add(timedFailure("nobody-" + i));
            unknown.add(timedFailure("nobody-x" + i));
        }
        // before: 243 ms for an unknown name (a bcrypt check) against 6 ms for a known one (plain-text demo password)
        assertThat(Math.abs(median(unknown) - median(known))).as("unknown %s ms, known %s ms", unknown, known)
                .isLessThan(40);
        login("hhht", "hhht-demo"); // a success clears the count
        login("inspector", "inspector-demo");
    }

    @Test
    void operators_read_health_and_prometheus_metrics_with_their_own_credential_and_nothing_else() throws Exception {
        HttpResponse<String> prometheus = get("operator", "operator-demo", "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
        assertThat(api.get("operator", "/actuator/metrics").body().get("names").toString())
                .contains("jvm.memory.used");
        assertThat(api.get("operator", "/actuator/health").body().get("status").asText()).isEqualTo("UP");
        // an operator reads no business data, and other roles read no metrics
        assertThat(api.get("operator", "/api/units").status()).isEqualTo(403);
        assertThat(api.get("office", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void a_path_that_does_not_exist_is_a_404_not_a_role_problem() {
        for (String path : List.of("/actuator/env", "/actuator/beans", "/nothing-here", "/api/dev/nothing")) {
            Api.Response missing = api.get("office", path);
            assertThat(missing.status()).as(path + " " + missing.raw()).isEqualTo(404);
            assertThat(missing.body().get("code").asText()).isEqualTo("http.not-found");
        }
        Api.Response post = api.post("inspector", "/api/nothing-here", "{}");
        assertThat(post.status()).as(post.raw()).isEqualTo(404);
        // a path that exists stays a role problem
        Api.Response forbidden = api.post("inspector", "/api/commitments", "{}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("code").asText()).isEqualTo("auth.forbidden");
    }

    private long timedFailure(String user) throws Exception {
        long t0 = System.nanoTime();
        assertThat(login(user, "wrong").statusCode()).isEqualTo(401);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return get(user, password, "/api/units");
    }

    private HttpResponse<String> get(String user, String password, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Events a request could cause (all but the dispatch rounds: a registration opens or joins the quarter's round
     * asynchronously, which may land while the refused requests are sent).
     */
    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NULL OR type <> 'DispatchRound'",
                Long.class);
    }
}
