package io.duban.harness.e2e;

import io.duban.deploy.e2e.Api;
import io.duban.dingtalk.fake.CallbackResponse;
import io.duban.dingtalk.fake.FakeCallback;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.bot.inbound.InboundMessage;
import io.duban.bot.inbound.ReplyHandler;
import io.duban.bot.inbound.ReplyOutcome;
import io.duban.harness.demo.DemoApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and random DingTalk messages from a real official about a real commitment: never an exception, never an
 * event. 10,000 go through the reply handler; a share of them also through the signed HTTP callback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRepliesTest {

    private static final String WANG = "demo-czt-wang";
    private static final String[] PAYLOADS = {
            "{\"$gt\": \"\"}", "{\"$where\": \"sleep(1000)\"}", "'; DROP TABLE domainevententry; --",
            "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "%00", "\u0000\u0001\u0002", "\u202e#13",
            "🙂🙂🙂", "#", "＃", "#31-2", "#0", "#99999", "#31 进度", "#31 进度 -5%", "#31 进度 101%",
            "#31 进度 80% 90%", "#31 延期", "#31 延期 2027-02-30 原因", "#31 延期 2027-06-30", "#31 困难",
            "#31 进度 80% 已完成", "收到", "#nzf-2023-1/", "#NZF/31 进度 80%", "\t\n\r", "　", "null",
            "undefined", "../../etc/passwd", "#31 进度 1e2%", "#31 进度 ８０.５％", "#31 延期 2027年6月 原因",
            "进度 80%", "80%", "#31 #32 进度 80%"};

    private static final String[] INJECTIONS = {
            "{\"$gt\": \"\"}", "'; DROP TABLE domainevententry; --", "${jndi:ldap://127.0.0.1/x}",
            "<script>alert(1)</script>", "\u202e", "../../etc/passwd", "null"};

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;

    @BeforeAll
    void start() {
        app = DemoApplication.run(
                "--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        jdbc = app.getBean(JdbcTemplate.class);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        assertThat(api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,"responsible":{"name":"王五"},"roadmap":"路线图",
                 "startDate":"%s","dueDate":"%s","milestones":[{"title":"出台办法","dueDate":"%s"}]}"""
                .formatted(today, today.plusDays(300), today.plusDays(100))).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void ten_thousand_hostile_messages_record_nothing_and_never_throw() throws Exception {
        ReplyHandler handler = app.getBean(ReplyHandler.class);
        long events = eventCount();
        Random random = new Random(20261125L);
        List<String> actedOn = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String text = hostile(random);
            ReplyOutcome outcome = handler.handle(new InboundMessage("hostile-" + i, "text", text, WANG, "王演示",
                    "1", null, 0));
            assertThat(outcome.answer()).as("answer to %s", text).isNotBlank();
            if (outcome.kind() == ReplyOutcome.Kind.RECORDED) {
                actedOn.add(text);
            }
        }
        assertThat(actedOn).as("hostile messages that were acted on").isEmpty();
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void hostile_messages_through_the_signed_callback_record_nothing() throws Exception {
        FakeDingTalk fake = app.getBean(FakeDingTalk.class);
        URI callback = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + "/api/dingtalk/callback");
        long events = eventCount();
        Random random = new Random(7L);
        for (int i = 0; i < 500; i++) {
            CallbackResponse response = fake.deliverCallback(callback, FakeCallback.oneToOne(WANG, "王演示",
                    hostile(random)));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    /**
     * Events a reply could cause (all but the dispatch rounds: the registration in the set-up opens the quarter's
     * round asynchronously, which may land while the hostile messages are sent).
     */
    private long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NULL OR type <> 'DispatchRound'",
                Long.class);
    }

    /** Injection payloads, broken replies and random Unicode, alone or mixed. */
    private static String hostile(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> PAYLOADS[random.nextInt(PAYLOADS.length)];
            case 1 -> randomUnicode(random, 1 + random.nextInt(60));
            // random text after an injection payload; not after a reply-like prefix such as "#31 困难", which with
            // any text after it is a well-formed report (the grammar tests cover those)
            case 2 -> INJECTIONS[random.nextInt(INJECTIONS.length)] + randomUnicode(random, random.nextInt(10));
            default -> "x".repeat(1000 + random.nextInt(3000)) + PAYLOADS[random.nextInt(PAYLOADS.length)];
        };
    }

    private static String randomUnicode(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = random.nextInt(4) == 0 ? 0x1F300 + random.nextInt(0x300) : random.nextInt(0x3000);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }
}
