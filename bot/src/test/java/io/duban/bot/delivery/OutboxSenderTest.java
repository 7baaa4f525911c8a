package io.duban.bot.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.duban.bot.BotWorld;
import io.duban.bot.DingTalkProperties;
import io.duban.bot.MongoWireServer;
import io.duban.bot.TestProperties;
import io.duban.bot.alert.AlertComposer;
import io.duban.bot.alert.AlertKind;
import io.duban.bot.alert.Outbox;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import io.duban.bot.fake.MutableClock;
import io.duban.dingtalk.fake.OutageMode;
import io.duban.dingtalk.fake.Route;
import io.duban.command.api.CommitmentId;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox sender against a MongoDB wire server and the local DingTalk fake, through the real SDK gateway. The
 * clock is the test's: backoffs, the grace period for the read side and token lifetimes pass by moving it.
 */
class OutboxSenderTest {

    private static final String UNIT = "uc88ba393";
    private static final String UNIT_NAME = "财政厅";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
    private MongoWireServer mongo;
    private MongoTemplate template;
    private FakeDingTalk fake;
    private BotWorld world;
    private Outbox outbox;
    private OutboxSender sender;

    @BeforeEach
    void start() {
        mongo = new MongoWireServer();
        template = mongo.newTemplate();
        fake = FakeDingTalk.start(FakeDingTalkSettings.generated(), clock, 0);
        world = new BotWorld();
        outbox = new Outbox(template, clock);
        sender = senderOn(template, TestProperties.connectedTo(fake));
    }

    @AfterEach
    void stop() {
        fake.close();
        mongo.close();
    }

    @Test
    void a_unit_with_25_officials_gets_one_alert_in_two_batches_each_official_exactly_once() {
        List<String> officials = world.appointOfficials(UNIT, 25);
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));

        assertThat(sender.sendDue()).isEqualTo(1);

        List<DeliveredMessage> sent = oneToOne();
        assertThat(sent).extracting(DeliveredMessage::recipient).containsExactlyInAnyOrderElementsOf(officials);
        assertThat(sent.stream().collect(Collectors.groupingBy(DeliveredMessage::requestKey, Collectors.counting()))
                .values()).containsExactlyInAnyOrder(20L, 5L);
        assertThat(sent).allSatisfy(m -> assertThat(m.text()).contains("#31", "逾期", "财政厅"));
        assertThat(status(key)).isEqualTo("SENT");
        assertThat(recipientStatuses(key).values()).containsOnly("SENT").hasSize(25);

        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendDue()).isZero();
        assertThat(oneToOne()).hasSize(25);
    }

    @Test
    void only_pending_entries_are_listed_for_the_sender_and_a_sent_or_failed_one_leaves_the_list() {
        List<String> officials = world.appointOfficials(UNIT, 2);
        String sent = overdue(world.register(UNIT, UNIT_NAME, 31));
        String waiting = overdue(world.register(UNIT, UNIT_NAME, 32));
        fake.faults().flowControl(List.of(officials.get(0)));
        assertThat(pendingKeys()).containsExactlyInAnyOrder(sent, waiting);

        sender.sendDue();

        assertThat(status(sent)).isEqualTo("PENDING");
        fake.faults().clearFlowControl();
        clock.advance(Duration.ofMinutes(5));
        sender.sendDue();

        assertThat(status(sent)).isEqualTo("SENT");
        assertThat(status(waiting)).isEqualTo("SENT");
        assertThat(pendingKeys()).as("nothing left to look at on the next pass").isEmpty();
        assertThat(outbox.add(sent, AlertKind.OVERDUE, "x", Map.of(), clock.instant())).as("the same event again")
                .isFalse();
        assertThat(pendingKeys()).isEmpty();
    }

    @Test
    void an_outbox_written_before_the_pending_list_existed_is_delivered_after_a_restart() {
        world.appointOfficials(UNIT, 1);
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));
        template.getCollection(Outbox.PENDING).drop(); // as a data directory from before the list

        assertThat(sender.sendDue()).as("nothing listed").isZero();
        Outbox restarted = new Outbox(template, clock);

        assertThat(senderOn(template, TestProperties.connectedTo(fake)).sendDue()).isEqualTo(1);
        assertThat(status(key)).isEqualTo("SENT");
        assertThat(restarted.due(10)).isEmpty();
    }

    @Test
    void a_listed_key_whose_entry_is_missing_is_kept_while_the_entry_may_still_be_written_then_dropped() {
        template.getCollection(Outbox.PENDING).insertOne(new Document("_id", "crashed-before-the-entry")
                .append("occurredAt", java.util.Date.from(clock.instant()))
                .append("nextAttemptAt", java.util.Date.from(clock.instant()))
                .append("listedAt", java.util.Date.from(clock.instant())));

        assertThat(outbox.due(10)).isEmpty();
        assertThat(pendingKeys()).as("add() lists first, then writes the entry: a pass in between keeps it")
                .containsExactly("crashed-before-the-entry");

        clock.advance(Duration.ofMinutes(6));
        assertThat(outbox.due(10)).isEmpty();
        assertThat(pendingKeys()).isEmpty();
    }

    @Test
    void a_flow_controlled_official_stays_pending_and_gets_the_alert_on_a_later_pass_nobody_else_twice() {
        List<String> officials = world.appointOfficials(UNIT, 3);
        String throttled = officials.get(1);
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));
        fake.faults().flowControl(List.of(throttled));

        sender.sendDue();

        assertThat(oneToOne()).extracting(DeliveredMessage::recipient)
                .containsExactlyInAnyOrder(officials.get(0), officials.get(2));
        assertThat(status(key)).isEqualTo("PENDING");
        assertThat(recipientStatuses(key)).containsEntry(throttled, "PENDING")
                .containsEntry(officials.get(0), "SENT").containsEntry(officials.get(2), "SENT");

        fake.faults().clearFlowControl();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.sendDue()).as("backoff not elapsed").isZero();
        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();

        assertThat(messagesPerRecipient()).containsOnlyKeys(officials).allSatisfy((user, count) ->
                assertThat(count).as(user).isEqualTo(1));
        assertThat(status(key)).isEqualTo("SENT");
    }

    @Test
    void an_invalid_staff_id_is_marked_invalid_and_the_entry_still_completes() {
        List<String> officials = world.appointOfficials(UNIT, 3);
        String gone = officials.get(2);
        fake.faults().invalidUsers(List.of(gone));
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));

        sender.sendDue();

        assertThat(oneToOne()).extracting(DeliveredMessage::recipient)
                .containsExactlyInAnyOrder(officials.get(0), officials.get(1));
        assertThat(recipientStatuses(key)).containsEntry(gone, "INVALID")
                .containsEntry(officials.get(0), "SENT").containsEntry(officials.get(1), "SENT");
        assertThat(status(key)).isEqualTo("SENT");
        clock.advance(Duration.ofMinutes(10));
        assertThat(sender.sendDue()).isZero();
    }

    /** Failures DingTalk recovers from, switched on before the send and off before the retry. */
    enum RecoverableFault {
        SERVER_ERROR_503(fake -> fake.faults().failNextCalls(1, 503)),
        OUTAGE_CONNECTION_REFUSED(fake -> fake.startOutage(OutageMode.CONNECTION_REFUSED)),
        OUTAGE_SERVICE_UNAVAILABLE(fake -> fake.startOutage(OutageMode.SERVICE_UNAVAILABLE)),
        RATE_LIMIT_403_QPS(fake -> fake.faults().rateLimitNextCalls(1));

        private final Consumer<FakeDingTalk> switchOn;

        RecoverableFault(Consumer<FakeDingTalk> switchOn) {
            this.switchOn = switchOn;
        }
    }

    @ParameterizedTest
    @EnumSource(RecoverableFault.class)
    void a_recoverable_failure_is_retried_after_the_backoff_and_then_delivered_exactly_once(RecoverableFault fault) {
        List<String> officials = alreadyRunning();
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));
        fault.switchOn.accept(fake);

        sender.sendDue();

        assertThat(oneToOne()).isEmpty();
        Document entry = entry(key);
        assertThat(entry.getString("status")).isEqualTo("PENDING");
        assertThat(entry.getInteger("attempts")).isEqualTo(1);
        assertThat(entry.getString("lastError")).startsWith("batchSendOTO");
        assertThat(entry.getDate("nextAttemptAt").toInstant()).isEqualTo(clock.instant().plusSeconds(2));

        fake.endOutage();
        clock.advance(Duration.ofMillis(1999));
        assertThat(sender.sendDue()).as("backoff not elapsed").isZero();
        assertThat(oneToOne()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        sender.sendDue();

        assertEachOfficialGotItOnce(key, officials);
        assertThat(entry(key).getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void a_permanent_4xx_marks_the_entry_failed_with_the_reason_and_nothing_is_sent() {
        world.appointOfficials(UNIT, 2);
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));
        OutboxSender misconfigured = senderOn(template,
                TestProperties.withRobotCode(TestProperties.connectedTo(fake), "dingsomeoneelsesrobot"));

        misconfigured.sendDue();

        Document entry = entry(key);
        assertThat(entry.getString("status")).isEqualTo("FAILED");
        assertThat(entry.getString("lastError")).isEqualTo("batchSendOTO: HTTP 400 InvalidParameter.RobotCode");
        assertThat(fake.messages().all()).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(misconfigured.sendDue()).isZero();
    }

    @Test
    void an_office_group_alert_goes_through_the_app_robot_and_falls_back_to_the_signed_webhook() {
        String commitment = world.register(UNIT, UNIT_NAME, 31);
        String first = majorIssue(commitment, "I1", "资金缺口");

        sender.sendDue();

        assertThat(fake.messages().by(Route.GROUP)).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(TestProperties.OFFICE_CONVERSATION);
            assertThat(m.text()).contains("资金缺口", "收到 #31");
        });
        assertThat(status(first)).isEqualTo("SENT");

        fake.faults().failNextCalls(1, 503);
        String second = majorIssue(commitment, "I2", "用地审批受阻");
        sender.sendDue();

        assertThat(fake.messages().by(Route.GROUP)).hasSize(1);
        assertThat(fake.messages().by(Route.WEBHOOK)).singleElement().satisfies(m -> {
            assertThat(m.msgKey()).isEqualTo("markdown");
            assertThat(m.text()).contains("用地审批受阻");
        });
        assertThat(status(second)).isEqualTo("SENT");
    }

    @Test
    void a_throttled_webhook_130101_is_retried_after_the_backoff() {
        DingTalkProperties connected = TestProperties.connectedTo(fake);
        OutboxSender webhookOnly = senderOn(template,
                TestProperties.webhookOnly(connected, connected.webhookSecret()));
        String key = majorIssue(world.register(UNIT, UNIT_NAME, 31), "I1", "资金缺口");
        fake.faults().throttleWebhookNextCalls(1);

        webhookOnly.sendDue();

        assertThat(fake.messages().all()).isEmpty();
        assertThat(entry(key).getString("lastError")).contains("130101");
        clock.advance(Duration.ofSeconds(1));
        assertThat(webhookOnly.sendDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        webhookOnly.sendDue();

        assertThat(fake.messages().by(Route.WEBHOOK)).hasSize(1);
        assertThat(fake.messages().all()).hasSize(1);
        assertThat(status(key)).isEqualTo("SENT");
    }

    @Test
    void an_alert_waits_for_the_read_side_to_learn_of_its_commitment_then_goes_out() {
        List<String> officials = world.appointOfficials(UNIT, 2);
        String key = overdue(CommitmentId.of(TestProperties.POLICY, 31, UNIT));

        sender.sendDue();

        assertThat(status(key)).isEqualTo("PENDING");
        assertThat(entry(key).getString("lastError")).isEqualTo("waiting for the read side");
        assertThat(fake.messages().all()).isEmpty();

        world.register(UNIT, UNIT_NAME, 31);
        clock.advance(Duration.ofSeconds(2));
        sender.sendDue();

        assertEachOfficialGotItOnce(key, officials);
        assertThat(oneToOne().get(0).text()).contains(UNIT_NAME, "完成摸底调查", "**当前进度**：0%", "张伟");
    }

    /**
     * A read side that never answers for the commitment does not hold the alert back: after the grace period it goes
     * out to the unit's officials (the unit is in the commitment id), worded from the id and the event's facts.
     */
    @Test
    void an_alert_whose_commitment_the_read_side_never_knows_goes_out_after_the_grace_period_from_what_it_carries() {
        List<String> officials = world.appointOfficials(UNIT, 2);
        String key = overdue(CommitmentId.of(TestProperties.POLICY, 31, UNIT));

        for (int seconds = 0; seconds <= 50; seconds += 10) {
            sender.sendDue();
            assertThat(status(key)).as("after %d seconds", seconds).isEqualTo("PENDING");
            assertThat(fake.messages().all()).isEmpty();
            clock.advance(Duration.ofSeconds(10));
        }
        clock.advance(Duration.ofMinutes(1));
        sender.sendDue();

        assertEachOfficialGotItOnce(key, officials);
        assertThat(oneToOne().get(0).text()).contains("#31", "M1", "2026-02-28", UNIT).doesNotContain("当前进度");
    }

    @Test
    void an_alert_for_a_unit_with_no_officials_is_retried_then_failed_after_max_attempts() {
        OutboxSender threeAttempts = senderOn(template, TestProperties.withMaxAttempts(fake, 3));
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));

        threeAttempts.sendDue();
        assertThat(entry(key).getInteger("attempts")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        threeAttempts.sendDue();
        assertThat(entry(key).getInteger("attempts")).isEqualTo(2);
        assertThat(status(key)).isEqualTo("PENDING");
        clock.advance(Duration.ofSeconds(4));
        threeAttempts.sendDue();

        Document entry = entry(key);
        assertThat(entry.getString("status")).isEqualTo("FAILED");
        assertThat(entry.getString("lastError"))
                .isEqualTo("no official in the directory for unit " + UNIT + " (gave up after 3 attempts)");
        assertThat(fake.messages().all()).isEmpty();
    }

    @Test
    void the_access_token_is_fetched_once_reused_and_renewed_after_it_expired() {
        world.appointOfficials(UNIT, 2);
        overdue(world.register(UNIT, UNIT_NAME, 31));
        overdue(world.register(UNIT, UNIT_NAME, 32));
        majorIssue(world.register(UNIT, UNIT_NAME, 33), "I1", "资金缺口");

        sender.sendDue();

        assertThat(fake.messages().all()).hasSize(5);
        assertThat(fake.accessTokensIssued()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(7_201));
        overdue(world.register(UNIT, UNIT_NAME, 34));
        sender.sendDue();

        assertThat(fake.messages().all()).hasSize(7);
        assertThat(fake.accessTokensIssued()).isEqualTo(2);
    }

    @Test
    void a_token_dingtalk_no_longer_accepts_is_renewed_and_the_alert_retried_not_failed() {
        List<String> officials = alreadyRunning();
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));
        fake.revokeAccessTokens();

        sender.sendDue();

        assertThat(status(key)).isEqualTo("PENDING");
        assertThat(entry(key).getString("lastError")).contains("401");
        clock.advance(Duration.ofSeconds(2));
        sender.sendDue();

        assertEachOfficialGotItOnce(key, officials);
    }

    @Test
    void an_entry_backing_off_is_not_taken_by_a_second_sender_that_listed_it_before_the_failure() {
        alreadyRunning();
        String key = overdue(world.register(UNIT, UNIT_NAME, 31));
        Outbox secondNode = new Outbox(mongo.newTemplate(), clock);
        assertThat(secondNode.due(50)).extracting(d -> d.getString("_id")).contains(key);

        fake.faults().failNextCalls(1, 503);
        sender.sendDue();

        assertThat(status(key)).isEqualTo("PENDING");
        assertThat(secondNode.claim(key, Duration.ofMinutes(2))).as("claimed during its backoff").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(secondNode.claim(key, Duration.ofMinutes(2))).isPresent();
    }

    @Test
    void two_senders_passing_at_the_same_time_never_send_the_same_entry_twice() throws Exception {
        DingTalkProperties properties = TestProperties.connectedTo(fake);
        Map<String, List<String>> officialsByTitle = new LinkedHashMap<>();
        for (int unit = 1; unit <= 4; unit++) {
            String unitId = "unit" + unit;
            List<String> officials = world.appointOfficials(unitId, unit);
            for (int item = unit * 10; item < unit * 10 + 4; item++) {
                overdue(world.register(unitId, "单位" + unit, item));
                officialsByTitle.put("督办提醒：#" + item + " 已逾期", officials);
            }
        }
        OutboxSender first = senderOn(mongo.newTemplate(), properties);
        OutboxSender second = senderOn(mongo.newTemplate(), properties);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int pass = 0; pass < 3; pass++) {
                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> a = pool.submit(() -> {
                    go.await();
                    return first.sendDue();
                });
                Future<Integer> b = pool.submit(() -> {
                    go.await();
                    return second.sendDue();
                });
                go.countDown();
                a.get(60, TimeUnit.SECONDS);
                b.get(60, TimeUnit.SECONDS);
                clock.advance(Duration.ofMinutes(5));
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> perOfficialAndAlert = oneToOne().stream().collect(Collectors.groupingBy(
                m -> m.recipient() + " " + m.content().path("title").asText(), Collectors.counting()));
        List<String> expected = new ArrayList<>();
        officialsByTitle.forEach((title, officials) -> officials.forEach(o -> expected.add(o + " " + title)));
        assertThat(perOfficialAndAlert).containsOnlyKeys(expected);
        assertThat(perOfficialAndAlert.values()).containsOnly(1L);
        assertThat(outbox.all()).extracting(d -> d.getString("status")).containsOnly("SENT").hasSize(16);
    }

    /** The bot has been sending for a while: its token is cached, so the next fault hits a send, not the token. */
    private List<String> alreadyRunning() {
        List<String> officials = world.appointOfficials(UNIT, 2);
        overdue(world.register(UNIT, UNIT_NAME, 1));
        sender.sendDue();
        assertThat(oneToOne()).hasSize(2);
        fake.messages().clear();
        return officials;
    }

    private OutboxSender senderOn(MongoTemplate mongoTemplate, DingTalkProperties properties) {
        return new OutboxSender(new Outbox(mongoTemplate, clock), new SdkDingTalkGateway(properties,
                new ObjectMapper(), clock), new AlertComposer(properties), world.readSide(), properties, clock);
    }

    private String overdue(String commitmentId) {
        return add(AlertKind.OVERDUE, commitmentId, Map.of("milestoneId", "M1", "dueDate", "2026-02-28"));
    }

    private String majorIssue(String commitmentId, String issueId, String summary) {
        return add(AlertKind.MAJOR_ISSUE, commitmentId, Map.of("issueId", issueId, "summary", summary,
                "raisedBy", "财政厅干部"));
    }

    private String add(AlertKind kind, String commitmentId, Map<String, String> facts) {
        String key = UUID.randomUUID() + ":" + kind.name();
        assertThat(outbox.add(key, kind, commitmentId, facts, clock.instant())).isTrue();
        return key;
    }

    private Document entry(String key) {
        return template.getCollection(Outbox.COLLECTION).find(Filters.eq("_id", key)).first();
    }

    private String status(String key) {
        return entry(key).getString("status");
    }

    private Map<String, String> recipientStatuses(String key) {
        return entry(key).getList("recipients", Document.class).stream()
                .collect(Collectors.toMap(r -> r.getString("userId"), r -> r.getString("status")));
    }

    private void assertEachOfficialGotItOnce(String key, List<String> officials) {
        assertThat(oneToOne()).extracting(DeliveredMessage::recipient).containsExactlyInAnyOrderElementsOf(officials);
        assertThat(status(key)).isEqualTo("SENT");
    }

    private List<String> pendingKeys() {
        return template.getCollection(Outbox.PENDING).find().map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private List<DeliveredMessage> oneToOne() {
        return fake.messages().by(Route.ONE_TO_ONE);
    }

    private Map<String, Long> messagesPerRecipient() {
        return oneToOne().stream().collect(Collectors.groupingBy(DeliveredMessage::recipient, Collectors.counting()));
    }
}
