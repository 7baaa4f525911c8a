package io.duban.bot.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.BotWorld;
import io.duban.bot.MongoWireServer;
import io.duban.bot.TestProperties;
import io.duban.bot.alert.AlertComposer;
import io.duban.bot.alert.AlertKind;
import io.duban.bot.alert.Outbox;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import io.duban.bot.fake.MutableClock;
import io.duban.dingtalk.fake.Route;
import io.duban.command.api.OfficialRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who receives the reminder, the escalation steps and the urging, and the reply hints they carry. */
class LadderAlertsSenderTest {

    private static final String UNIT = "uc88ba393";
    private static final String UNIT_NAME = "财政厅";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
    private MongoWireServer mongo;
    private FakeDingTalk fake;
    private BotWorld world;
    private Outbox outbox;
    private OutboxSender sender;
    private String commitment;

    @BeforeEach
    void start() {
        mongo = new MongoWireServer();
        MongoTemplate template = mongo.newTemplate();
        fake = FakeDingTalk.start(FakeDingTalkSettings.generated(), clock, 0);
        world = new BotWorld();
        outbox = new Outbox(template, clock);
        var properties = TestProperties.connectedTo(fake);
        sender = new OutboxSender(outbox, new SdkDingTalkGateway(properties, new ObjectMapper(), clock),
                new AlertComposer(properties), world.readSide(), properties, clock);
        world.appointOfficials(UNIT, 2);
        world.appoint("leader-1", "李厅长", OfficialRole.UNIT_LEADER, UNIT);
        commitment = world.register(UNIT, UNIT_NAME, 31);
    }

    @AfterEach
    void stop() {
        fake.close();
        mongo.close();
    }

    @Test
    void a_due_soon_reminder_goes_to_the_units_officials_with_the_reply_hints() {
        add(AlertKind.DUE_SOON, Map.of("milestoneId", "M1", "dueDate", "2026-02-28", "workingDaysLeft", "7"));

        sender.sendDue();

        assertThat(oneToOne()).extracting(DeliveredMessage::recipient).containsExactlyInAnyOrder(UNIT + "-01",
                UNIT + "-02");
        assertThat(oneToOne()).allSatisfy(m -> assertThat(m.text()).contains("即将到期", "完成摸底调查", "7",
                "#31 进度 80%", "#31 M1 延期 2026-05-28", "收到 #31"));
    }

    @Test
    void level_2_goes_to_the_unit_leader_only() {
        add(AlertKind.ESCALATED_TO_LEADER, Map.of("milestoneId", "M1", "dueDate", "2026-02-28", "level", "2"));

        sender.sendDue();

        assertThat(oneToOne()).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("leader-1");
            assertThat(m.text()).contains("二级", "单位领导", "收到 #31");
        });
    }

    @Test
    void level_3_goes_to_the_office_group() {
        add(AlertKind.ESCALATED_TO_OFFICE, Map.of("dueDate", "2026-03-31", "level", "3"));

        sender.sendDue();

        assertThat(oneToOne()).isEmpty();
        assertThat(fake.messages().by(Route.GROUP)).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(TestProperties.OFFICE_CONVERSATION);
            assertThat(m.text()).contains("三级", "督办清单", "总体完成时限", "收到 #31");
        });
    }

    @Test
    void an_urging_goes_to_the_units_officials_with_the_offices_words() {
        add(AlertKind.URGED, Map.of("message", "请本周内报送进展", "urgedBy", "督查室"));

        sender.sendDue();

        assertThat(oneToOne()).hasSize(2).allSatisfy(m -> assertThat(m.text()).contains("催办", "请本周内报送进展",
                "督查室", "#31 进度 80%", "收到 #31"));
    }

    private void add(AlertKind kind, Map<String, String> facts) {
        assertThat(outbox.add(UUID.randomUUID() + ":" + kind.name(), kind, commitment, facts, clock.instant()))
                .isTrue();
    }

    private List<DeliveredMessage> oneToOne() {
        return fake.messages().by(Route.ONE_TO_ONE);
    }
}
