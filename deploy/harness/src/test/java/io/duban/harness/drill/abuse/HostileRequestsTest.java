package io.duban.harness.drill.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.dingtalk.fake.CallbackResponse;
import io.duban.dingtalk.fake.FakeCallback;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.bot.signature.CallbackSigner;
import io.duban.bot.signature.Secret;
import io.duban.harness.demo.DemoApplication;
import io.duban.harness.drill.DrillReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hostile drill found, one regression test each, on the real application: every refusal a Chinese problem
 * detail and nothing recorded. Then a quick run of the drill itself (200 requests) that must hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest {

    private static final String JSON = "application/json";

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private DrillHttp http;
    private JdbcTemplate jdbc;
    private String commitment;

    @BeforeAll
    void start() throws Exception {
        app = DemoApplication.run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(),
                "--server.port=0", "--duban.dispatch.enabled=false", "--duban.dingtalk.poll-interval=200ms",
                "--duban.dingtalk.max-backoff=2s",
                // as DrillApplication: wrong passwords must not lock the control requests' accounts
                "--duban.security.login-throttle.max-failures-per-account=1000000",
                "--duban.security.login-throttle.max-failures-per-address=1000000");
        http = new DrillHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                Duration.ofSeconds(30));
        jdbc = app.getBean(JdbcTemplate.class);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        DrillHttp.Reply registered = http.postJson("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":58,"responsible":{"name":"王五"},"roadmap":"化解债务风险",
                 "startDate":"%s","dueDate":"%s","milestones":[{"title":"制定化债方案","dueDate":"%s"}]}"""
                .formatted(today, today.plusDays(300), today.plusDays(100)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        commitment = "/api/commitments/" + registered.json().path("commitmentId").asText();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void a_key_given_twice_is_a_400_not_a_500() throws Exception {
        long events = events();
        assertProblem(post("czt", commitment + "/issues", "{\"detail\":\"\\u0000\",\"summary\":\"资金缺口\",\"detail\":\"需统筹\"}"),
                400, "input.unreadable");
        assertProblem(post("czt", commitment + "/progress", "{\"percent\":-1,\"percent\":60}"), 400, "input.unreadable");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    @Order(2)
    void fractions_quoted_numbers_and_trailing_data_are_not_guessed_at() throws Exception {
        long events = events();
        assertProblem(post("czt", commitment + "/progress", "{\"percent\":100.0000000000000001}"), 400, "input.unreadable");
        assertProblem(post("czt", commitment + "/progress", "{\"percent\":\"60\"}"), 400, "input.unreadable");
        assertProblem(post("czt", commitment + "/issues", "{\"summary\":\"资金缺口\",\"detail\":false}"), 400,
                "input.unreadable");
        assertProblem(post("czt", commitment + "/deadline-changes",
                "{\"requestedDueDate\":\"2027-03-01\",\"reason\":\"r\"}}"), 400, "input.unreadable");
        assertProblem(post("office", "/api/officials", "{\"userId\":\"x1\",\"name\":\"钱七\",\"role\":1,\"units\":[\"自治区财政厅\"]}"),
                400, "input.unreadable");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    @Order(3)
    void bidi_overrides_far_dates_and_control_characters_are_refused() throws Exception {
        long events = events();
        assertProblem(post("czt", commitment + "/issues", "{\"summary\":\"按计划\\u202e推进\"}"), 400, "input.bidi-controls");
        assertProblem(post("czt", commitment + "/issues", "{\"summary\":\"按计划\\ud800推进\"}"), 400, "input.invalid-unicode");
        assertProblem(post("czt", commitment + "/deadline-changes",
                "{\"requestedDueDate\":\"+999999999-12-31\",\"reason\":\"无限期\"}"), 400, "date.out-of-range");
        assertProblem(post("office", "/api/officials/demo-fgw-chen/removal", "{\"text\":\"调离\\u001b[31m\"}"), 400,
                "input.control-characters");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    @Order(4)
    void spring_and_servlet_refusals_are_chinese_problem_details_too() throws Exception {
        // a wildcard Content-Type made Spring throw IllegalArgumentException: 500
        assertProblem(send(commitment + "/progress", "{\"percent\":60}", Map.of("Content-Type", "*/*",
                "Authorization", DrillHttp.basic("czt"))), 415, "input.unsupported-media-type");
        // Spring MVC's own 415 had an English detail and no code
        assertProblem(send(commitment + "/progress", "{\"percent\":60}", Map.of("Content-Type", "text/plain",
                "Authorization", DrillHttp.basic("czt"))), 415, "input.unsupported-media-type");
        // the firewall's refusal was Spring Boot's {"timestamp","status","error","path"}
        assertProblem(post("czt", commitment + "%0Ax/progress", "{\"percent\":60}"), 400, "input.rejected");
        // a request line over Tomcat's header limit was an HTML page
        assertProblem(post("office", "/api/admin/views/rebuild?view=" + "v".repeat(12_000), ""), 400, "input.rejected");
        // the read API's problems had no code
        assertProblem(post("office", "/api/admin/views/rebuild?view=nope", ""), 400, "input.bad-parameter");
        // an unknown route
        assertProblem(post("czt", "/api/nothing-here", "{}"), 404, "http.not-found");
    }

    @Test
    @Order(5)
    void an_oversized_body_gets_413_with_or_without_content_length() throws Exception {
        long events = events();
        String big = "{\"percent\":60,\"note\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Map<String, String> headers = Map.of("Content-Type", JSON, "Authorization", DrillHttp.basic("czt"));
        assertProblem(http.send(commitment + "/progress", big.getBytes(StandardCharsets.UTF_8), false, headers), 413,
                "input.too-large");
        assertProblem(http.send(commitment + "/progress", big.getBytes(StandardCharsets.UTF_8), true, headers), 413,
                "input.too-large");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    @Order(6)
    void a_callback_with_a_bad_signature_is_a_401_problem_detail() throws Exception {
        DrillHttp.Reply reply = send("/api/dingtalk/callback", "{\"msgId\":\"x\",\"text\":{\"content\":\"#58 进度 90%\"}}",
                Map.of("Content-Type", JSON, "timestamp", String.valueOf(System.currentTimeMillis()), "sign", "forged"));
        assertProblem(reply, 401, "dingtalk.bad-signature");
    }

    @Test
    @Order(6)
    void signed_messages_that_would_display_other_than_recorded_are_not_acted_on() throws Exception {
        long events = events();
        FakeDingTalk fake = app.getBean(FakeDingTalk.class);
        URI callback = URI.create(http.base() + "/api/dingtalk/callback");
        // the override made DingTalk display "%80 度进" while 8 % was recorded; ESC was dropped and "[31m" recorded
        for (String text : new String[]{"\u202E#58 进度 08%", "#58 困难 \u001B[31m"}) {
            CallbackResponse response = fake.deliverCallback(callback, FakeCallback.oneToOne("demo-czt-wang", "王演示",
                    text));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("NOT_UNDERSTOOD");
        }
        assertThat(events()).isEqualTo(events);
    }

    @Test
    @Order(6)
    void a_signed_callback_that_is_not_json_is_a_415_not_a_500() throws Exception {
        FakeDingTalk fake = app.getBean(FakeDingTalk.class);
        String body = fake.callbackBody(FakeCallback.oneToOne("demo-czt-wang", "王演示", "b=`x\\y")).toString();
        long now = System.currentTimeMillis();
        String sign = new CallbackSigner(Secret.of(fake.settings().appSecret().reveal())).sign(now);
        // form-encoded, the servlet container parsed the JSON into parameters and the firewall threw: 500
        assertProblem(send("/api/dingtalk/callback", body, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "timestamp", String.valueOf(now), "sign", sign)), 415, "input.unsupported-media-type");
    }

    @Test
    @Order(8)
    void a_quick_run_of_the_drill_holds() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        DrillReport report = new HostileDrill.Run(app, "H2 (test)", 200, 20261125L, 10, Duration.ofSeconds(30), out)
                .run();
        report.print(out);
        assertThat(report.held()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(report.checks()).hasSizeGreaterThan(10);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    /**
     * Events a request could cause (all but the dispatch rounds: a registration opens or joins the quarter's round
     * asynchronously, which may land while the refused requests are sent).
     */
    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NULL OR type <> 'DispatchRound'",
                Long.class);
    }

    private DrillHttp.Reply post(String user, String path, String body) throws Exception {
        return http.postJson(user, path, body);
    }

    private DrillHttp.Reply send(String path, String body, Map<String, String> headers) throws Exception {
        return http.send(path, body.getBytes(StandardCharsets.UTF_8), false, headers);
    }

    private static void assertProblem(DrillHttp.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).as(reply.body()).isEqualTo(code);
        assertThat(body.path("title").asText()).containsPattern("\\p{IsHan}");
        assertThat(body.path("detail").asText()).containsPattern("\\p{IsHan}");
    }
}
