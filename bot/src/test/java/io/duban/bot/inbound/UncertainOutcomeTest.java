package io.duban.bot.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.BotWorld;
import io.duban.bot.DingTalkProperties;
import io.duban.bot.MongoWireServer;
import io.duban.bot.TestProperties;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeCallback;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import io.duban.bot.fake.MutableClock;
import io.duban.dingtalk.fake.Route;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.OfficialRole;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the official is told when a command from a DingTalk reply does not go through: "未记录" only when it is known
 * that nothing was stored (a refusal); for a timeout or another unexpected failure, that it may have been recorded and
 * how to check. The reply path is the real one: MongoDB wire server, an Axon command bus, the fake's session webhook.
 */
class UncertainOutcomeTest {

    private static final String UNIT = "uc88ba393";
    private static final String OFFICIAL = "czt-liming";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
    /** What the command handler does with the official's command. */
    private final AtomicReference<MessageHandler<CommandMessage<?>>> handler = new AtomicReference<>();
    private MongoWireServer mongo;
    private FakeDingTalk fake;
    private InboundProcessor processor;
    private InboundMessageReader reader;

    @BeforeEach
    void start() {
        mongo = new MongoWireServer();
        MongoTemplate template = mongo.newTemplate();
        fake = FakeDingTalk.start(FakeDingTalkSettings.generated(), clock, 0);
        DingTalkProperties properties = TestProperties.connectedTo(fake);
        BotWorld world = new BotWorld();
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, UNIT);
        world.register(UNIT, "财政厅", 31);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe("io.duban.command.api.ReportProgress", command -> handler.get().handle(command));
        processor = InboundFixture.processor(template, world.readSide(), DefaultCommandGateway.builder().commandBus(bus).build(),
                properties, clock);
        reader = new InboundMessageReader(new ObjectMapper());
    }

    @AfterEach
    void stop() {
        fake.close();
        mongo.close();
    }

    @Test
    void a_command_that_timed_out_may_have_been_recorded_and_the_official_is_told_how_to_check() {
        handler.set(command -> {
            throw new CommandExecutionException("timed out waiting for the event store", new TimeoutException());
        });

        ReplyOutcome outcome = send("#31 进度 80% 完成摸底调查");

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.UNCERTAIN);
        assertThat(answer()).doesNotContain("未记录").doesNotContain("处理失败，未记录任何变更")
                .contains("无法确认是否已经记录").contains("「我的承诺」");
    }

    @Test
    void an_unexpected_failure_is_not_called_nothing_recorded_either() {
        handler.set(command -> {
            throw new IllegalStateException("connection reset");
        });

        ReplyOutcome outcome = send("#31 进度 80% 完成摸底调查");

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.UNCERTAIN);
        assertThat(answer()).doesNotContain("未记录").contains("「我的承诺」");
    }

    @Test
    void a_refusal_is_known_to_have_recorded_nothing_and_says_so() {
        handler.set(command -> {
            throw CommandRefusedException.ruleViolated("commitment.already-verified", "该承诺已办结销号。");
        });

        ReplyOutcome outcome = send("#31 进度 80% 完成摸底调查");

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.REFUSED);
        assertThat(answer()).isEqualTo("未记录：该承诺已办结销号。");
    }

    @Test
    void a_recorded_note_is_echoed_without_clickable_addresses() {
        handler.set(command -> null);

        ReplyOutcome outcome = send("#31 进度 80% 详见 http://evil.example/x 和 www.evil.example");

        assertThat(outcome.kind()).isEqualTo(ReplyOutcome.Kind.RECORDED);
        assertThat(answer()).startsWith("已记录：#31（财政厅）总体进度 80%")
                .contains("http：//evil.example/x").contains("www．evil.example").doesNotContain("http://");
    }

    private ReplyOutcome send(String text) {
        return processor.process(reader.read(fake.callbackBody(FakeCallback.oneToOne(OFFICIAL, "李明", text))
                .toString()).orElseThrow());
    }

    private String answer() {
        List<DeliveredMessage> replies = fake.messages().by(Route.SESSION_REPLY);
        assertThat(replies).hasSize(1);
        return replies.get(0).text();
    }
}
