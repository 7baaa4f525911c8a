package io.duban.harness.e2e;

import io.duban.deploy.e2e.Api;
import com.fasterxml.jackson.databind.JsonNode;
import io.duban.dingtalk.fake.CallbackResponse;
import io.duban.bot.signature.CallbackSigner;
import io.duban.bot.signature.Secret;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeCallback;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.OutageMode;
import io.duban.dingtalk.fake.Route;
import io.duban.harness.demo.DemoApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DingTalk loop on the embedded default, against the local fake with the real SDK: an overdue milestone produces
 * exactly one 1:1 message; the official's signed reply becomes progress with channel DINGTALK and its msgId; the same
 * callback twice records once; wrong unit, unknown sender and bad signatures record nothing; an outage and per-user
 * throttling delay alerts but every one arrives exactly once; a view rebuild sends nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DingTalkEndToEndTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String WANG = "demo-czt-wang"; // the demo directory's official of 自治区财政厅
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private Api api;
    private FakeDingTalk fake;
    private URI callback;
    private String commitment;

    @BeforeAll
    void start() {
        app = DemoApplication.run(
                "--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0",
                "--duban.dingtalk.poll-interval=200ms", "--duban.dingtalk.max-backoff=1s");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        api = new Api(port);
        fake = app.getBean(FakeDingTalk.class);
        callback = URI.create("http://127.0.0.1:" + port + "/api/dingtalk/callback");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void an_overdue_milestone_sends_exactly_one_message_to_the_units_official() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        Api.Response registered = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,"responsible":{"name":"王五","position":"处长"},
                 "roadmap":"先出台补贴办法，再拨付","startDate":"%s","dueDate":"%s",
                 "milestones":[{"title":"出台补贴办法","dueDate":"%s"},{"title":"拨付年度补助","dueDate":"%s"}]}"""
                .formatted(today.minusDays(60), today.plusDays(300), today.minusDays(1), today.plusDays(200)));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        commitment = registered.body().get("commitmentId").asText();

        await(() -> oneToOne(WANG).size() == 1);
        Thread.sleep(1_500); // several more sender passes: still exactly one
        List<DeliveredMessage> messages = oneToOne(WANG);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).text()).contains("#31", "M1", "出台补贴办法", today.minusDays(1).toString(),
                "收到 #31");
        assertThat(fake.messages().to("demo-czt-zhao")).as("the unit leader is not alerted at level 1").isEmpty();
    }

    @Test
    @Order(2)
    void a_signed_reply_reports_progress_as_the_official_through_dingtalk() throws Exception {
        FakeCallback reply = FakeCallback.oneToOne(WANG, "王演示", "＃３１ 进度 ８０％ 补贴办法已送审");
        CallbackResponse response = fake.deliverCallback(callback, reply);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(lastAnswer()).contains("已记录", "80%");

        awaitViews();
        JsonNode detail = api.get("inspector", "/api/commitments/" + commitment).body().get("commitment");
        assertThat(detail.get("progress").asInt()).isEqualTo(80);
        JsonNode last = lastTimelineEntry();
        // the report also stops the escalation ladder the overdue milestone started
        assertThat(last.get("type").asText()).isEqualTo("EscalationPaused");
        JsonNode reported = entryOfType("ProgressReported");
        assertThat(reported.get("channel").asText()).isEqualTo("DINGTALK");
        assertThat(reported.get("messageId").asText()).isEqualTo(reply.msgId());
        assertThat(reported.get("actor").get("userId").asText()).isEqualTo(WANG);

        CallbackResponse again = fake.deliverCallback(callback, reply);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("DUPLICATE");
        awaitViews();
        assertThat(timeline()).hasSize(timelineSizeAfter(last));
    }

    @Test
    @Order(3)
    void replies_about_another_units_commitment_or_from_strangers_record_nothing() throws Exception {
        int before = timeline().size();

        fake.deliverCallback(callback, FakeCallback.oneToOne("demo-jyt-li", "李演示", "#31 进度 90%"));
        assertThat(lastAnswer()).contains("未记录", "本单位");
        fake.deliverCallback(callback, FakeCallback.oneToOne("stranger-001", "路人", "#31 进度 90%"));
        assertThat(lastAnswer()).contains("名录");
        fake.deliverCallback(callback, FakeCallback.oneToOne(WANG, "王演示", "#31 进度 80% 又 90%"));
        assertThat(lastAnswer()).doesNotContain("已记录");
        // "延期" to a date before the current due date is an advance (提前): asked, not recorded as an extension
        String earlier = LocalDate.now(ZONE).plusDays(100).toString();
        fake.deliverCallback(callback, FakeCallback.oneToOne(WANG, "王演示", "#31 延期 " + earlier + " 原因：提前完工"));
        assertThat(lastAnswer()).contains("未记录", "提前而不是延期", "#31 提前至 " + earlier);

        FakeCallback forged = FakeCallback.oneToOne(WANG, "王演示", "#31 进度 99%");
        assertThat(fake.deliverCallback(callback, forged, String.valueOf(System.currentTimeMillis()), "forged")
                .status()).isEqualTo(401);
        long stale = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        String validSignForStale = new CallbackSigner(Secret.of(fake.settings().appSecret().reveal())).sign(stale);
        assertThat(fake.deliverCallback(callback, forged, String.valueOf(stale), validSignForStale).status())
                .isEqualTo(401);
        assertThat(fake.deliverCallback(callback, forged, null, null).status()).isEqualTo(401);

        awaitViews();
        assertThat(timeline()).hasSize(before);
        assertThat(api.get("inspector", "/api/commitments/" + commitment).body().get("commitment")
                .get("progress").asInt()).isEqualTo(80);
    }

    @Test
    @Order(4)
    void alerts_survive_an_outage_and_throttling_and_arrive_exactly_once() throws Exception {
        int before = oneToOne(WANG).size();
        fake.startOutage(OutageMode.CONNECTION_REFUSED);
        String c = "/api/commitments/" + commitment;
        Api.Response change = api.post("czt", c + "/deadline-changes",
                "{\"milestoneId\":\"M2\",\"requestedDueDate\":\"" + LocalDate.now(ZONE).plusDays(250)
                        + "\",\"reason\":\"拨付流程调整\"}");
        assertThat(change.status()).as(change.raw()).isEqualTo(201);
        assertThat(api.post("office", c + "/deadline-changes/" + change.body().get("reference").asText()
                + "/approval", "{\"text\":\"同意\"}").status()).isEqualTo(200);
        assertThat(api.post("czt", c + "/issues", "{\"summary\":\"配套资金缺口\"}").status()).isEqualTo(201);
        Thread.sleep(2_000); // the sender keeps failing against the outage
        assertThat(fake.messages().by(Route.GROUP)).isEmpty();

        fake.faults().flowControl(List.of(WANG));
        fake.endOutage();
        await(() -> fake.messages().by(Route.GROUP).size() == 1);
        Thread.sleep(1_500);
        assertThat(oneToOne(WANG)).as("throttled user not delivered yet").hasSize(before);

        fake.faults().clearFlowControl();
        await(() -> oneToOne(WANG).size() == before + 1);
        Thread.sleep(1_500);
        assertThat(oneToOne(WANG)).hasSize(before + 1);
        assertThat(oneToOne(WANG).get(before).text()).contains("时限调整已批准");
        assertThat(fake.messages().by(Route.GROUP)).hasSize(1);
        assertThat(fake.messages().by(Route.GROUP).get(0).text()).contains("重大事项", "配套资金缺口");
    }

    @Test
    @Order(5)
    void rebuilding_the_views_sends_nothing_again() throws Exception {
        int sent = fake.messages().all().size();
        assertThat(api.post("inspector", "/api/admin/views/rebuild", "").status()).isEqualTo(202);
        awaitViews();
        Thread.sleep(1_500);
        assertThat(fake.messages().all()).hasSize(sent);
    }

    private List<DeliveredMessage> oneToOne(String userId) {
        return fake.messages().to(userId).stream().filter(m -> m.route() == Route.ONE_TO_ONE).toList();
    }

    private String lastAnswer() {
        List<DeliveredMessage> replies = fake.messages().by(Route.SESSION_REPLY);
        assertThat(replies).isNotEmpty();
        return replies.get(replies.size() - 1).text();
    }

    private JsonNode timeline() {
        return api.get("inspector", "/api/commitments/" + commitment + "/timeline").body();
    }

    private JsonNode lastTimelineEntry() {
        JsonNode entries = timeline();
        return entries.get(entries.size() - 1);
    }

    private JsonNode entryOfType(String type) {
        JsonNode found = null;
        for (JsonNode entry : timeline()) {
            if (entry.get("type").asText().equals(type)) {
                found = entry;
            }
        }
        assertThat(found).as("a %s entry", type).isNotNull();
        return found;
    }

    private int timelineSizeAfter(JsonNode entry) {
        JsonNode entries = timeline();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).get("eventId").asText().equals(entry.get("eventId").asText())) {
                return i + 1;
            }
        }
        throw new AssertionError("entry not in timeline");
    }

    private void awaitViews() {
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(WAIT)).as("views caught up").isTrue();
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + WAIT);
            }
            Thread.sleep(100);
        }
    }
}
