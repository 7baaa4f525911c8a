package io.duban.bot.stream;

import com.dingtalk.open.app.api.callback.CallbackCommandExecutor;
import com.dingtalk.open.app.api.callback.DingTalkStreamTopics;
import com.dingtalk.open.app.stream.network.api.Context;
import com.dingtalk.open.app.stream.protocol.DefaultProtocolRequestFacade;
import com.dingtalk.open.app.stream.protocol.ProtocolRequest;
import com.dingtalk.open.app.stream.protocol.ProtocolRequestFacade;
import com.dingtalk.open.app.stream.protocol.callback.CallbackResponsePayload;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.duban.bot.inbound.InboundFixture;
import io.duban.bot.inbound.InboundMessageReader;
import io.duban.command.api.Channel;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.ReportProgress;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stream mode frames as DingTalk's gateway sends them ({@code {"specVersion","type":"CALLBACK","headers":{…},
 * "data":"<robot JSON>"}}), through the SDK's own callback executor — the code between the WebSocket and our listener,
 * which converts the data and acknowledges (200) or fails (500) the frame — into the listener and the one inbound
 * path: MongoDB wire server, the command gateway of a real Axon command bus, answers through the fake's session
 * webhooks. The WebSocket itself is out of scope (see {@link StreamModeReceiver}).
 */
class BotMessageListenerTest {

    private static final String UNIT = "uc88ba393";
    private static final String OFFICIAL = "czt-liming";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
    private final ObjectMapper json = new ObjectMapper();
    private final List<ReportProgress> commands = new CopyOnWriteArrayList<>();
    private MongoWireServer mongo;
    private FakeDingTalk fake;
    private BotMessageListener listener;
    private CallbackCommandExecutor sdk;
    private String commitmentId;

    @BeforeEach
    void start() {
        mongo = new MongoWireServer();
        MongoTemplate template = mongo.newTemplate();
        fake = FakeDingTalk.start(FakeDingTalkSettings.generated(), clock, 0);
        DingTalkProperties properties = TestProperties.connectedTo(fake);
        BotWorld world = new BotWorld();
        world.appoint(OFFICIAL, "李明", OfficialRole.OFFICIAL, UNIT);
        commitmentId = world.register(UNIT, "财政厅", 31);

        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ReportProgress.class.getName(), command -> {
            commands.add((ReportProgress) command.getPayload());
            return null;
        });
        listener = new BotMessageListener(new InboundMessageReader(json), InboundFixture.processor(template, world.readSide(),
                DefaultCommandGateway.builder().commandBus(bus).build(), properties, clock));
        sdk = new CallbackCommandExecutor();
        sdk.register(DingTalkStreamTopics.BOT_MESSAGE_TOPIC, listener);
    }

    @AfterEach
    void stop() {
        fake.close();
        mongo.close();
    }

    @Test
    void a_message_from_an_official_becomes_one_command_as_that_official_and_is_answered_through_the_session_webhook() {
        ObjectNode message = fake.callbackBody(FakeCallback.oneToOne(OFFICIAL, "李明", "#31 进度 80% 完成摸底调查"));

        Frame frame = deliver(message.toString());

        assertThat(frame.acknowledged()).containsEntry("outcome", "RECORDED")
                .containsEntry("msgId", message.get("msgId").asText());
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.commitmentId()).isEqualTo(commitmentId);
            assertThat(command.percent()).isEqualTo(80);
            assertThat(command.note()).isEqualTo("完成摸底调查");
            assertThat(command.actor().userId()).isEqualTo(OFFICIAL);
            assertThat(command.actor().channel()).isEqualTo(Channel.DINGTALK);
            assertThat(command.actor().messageId()).isEqualTo(message.get("msgId").asText());
        });
        assertThat(sessionReplies()).singleElement().satisfies(reply -> {
            assertThat(reply.recipient()).isEqualTo(OFFICIAL);
            assertThat(reply.text()).startsWith("已记录：#31（财政厅）总体进度 80%");
        });
    }

    @Test
    void the_same_msg_id_delivered_twice_is_acted_on_and_answered_once() {
        String data = fake.callbackBody(FakeCallback.oneToOne(OFFICIAL, "李明", "#31 进度 80% 完成摸底调查")).toString();

        Frame first = deliver(data);
        Frame second = deliver(data);

        assertThat(first.acknowledged()).containsEntry("outcome", "RECORDED");
        assertThat(second.acknowledged()).containsEntry("outcome", "DUPLICATE");
        assertThat(commands).hasSize(1);
        assertThat(sessionReplies()).hasSize(1);
    }

    @Test
    void a_sender_outside_the_directory_is_told_so_and_nothing_is_recorded() {
        Frame frame = deliver(fake.callbackBody(FakeCallback.oneToOne("stranger01", "路人", "#31 进度 100% 完成"))
                .toString());

        assertThat(frame.acknowledged()).containsEntry("outcome", "UNKNOWN_SENDER");
        assertThat(commands).isEmpty();
        assertThat(sessionReplies()).singleElement().satisfies(reply -> {
            assertThat(reply.recipient()).isEqualTo("stranger01");
            assertThat(reply.text()).contains("尚未登记在督办人员名录中");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[1,2]", "\"#31 进度 80%\"", "{\"msgId\":\"\",\"senderStaffId\":\"czt-liming\"}",
            "{\"msgtype\":\"text\",\"text\":{\"content\":\"#31 进度 80%\"},\"senderStaffId\":\"czt-liming\"}",
            "{\"msgId\":{\"nested\":true},\"senderStaffId\":\"czt-liming\"}"})
    void json_that_is_not_a_robot_message_is_acknowledged_and_ignored_so_it_is_never_redelivered(String data) {
        Frame frame = deliver(data);

        assertThat(frame.failed).isNull();
        assertThat(frame.acknowledged()).containsExactly(Map.entry("outcome", "IGNORED"));
        assertThat(commands).isEmpty();
        assertThat(fake.messages().all()).isEmpty();
    }

    @Test
    void an_oversized_frame_is_acknowledged_and_ignored() {
        ObjectNode message = fake.callbackBody(FakeCallback.oneToOne(OFFICIAL, "李明",
                "#31 进度 80% " + "说明".repeat(40_000)));

        assertThat(deliver(message.toString()).acknowledged()).containsEntry("outcome", "IGNORED");
        assertThat(commands).isEmpty();
    }

    @Test
    void data_that_is_not_json_stops_in_the_sdk_before_the_listener_and_is_neither_acknowledged_nor_failed() {
        Frame frame = new Frame(frame("{\"msgId\":\"msg-truncated\",\"text\":{\"content\":\"#31 进"));

        // the SDK converts the data (fastjson2) outside its try block: it throws to its dispatcher, which only logs
        assertThatThrownBy(() -> sdk.execute(frame)).isInstanceOf(RuntimeException.class);

        assertThat(frame.replied).isNull();
        assertThat(frame.failed).isNull();
        assertThat(commands).isEmpty();
        // the listener itself, should a later SDK pass such data through, ignores it without throwing
        assertThat(listener.execute("{\"msgId\":\"msg-truncated\",\"text\":{\"content\":\"#31 进"))
                .containsEntry("outcome", "IGNORED");
    }

    @Test
    void when_the_bot_cannot_record_the_message_the_sdk_answers_500_so_dingtalk_may_deliver_it_again() {
        String data = fake.callbackBody(FakeCallback.oneToOne(OFFICIAL, "李明", "#31 进度 80% 完成摸底调查")).toString();
        mongo.stopServer();

        Frame frame = deliver(data);

        assertThat(frame.replied).isNull();
        assertThat(frame.failed).isNotNull();
        assertThat(commands).isEmpty();
        assertThat(sessionReplies()).isEmpty();
    }

    private Frame deliver(String data) {
        Frame frame = new Frame(frame(data));
        sdk.execute(frame);
        return frame;
    }

    /** A CALLBACK frame of the bot message topic, as the gateway writes it, read into the SDK's own type. */
    private ProtocolRequestFacade frame(String data) {
        ObjectNode frame = json.createObjectNode();
        frame.put("specVersion", "1.0");
        frame.put("type", "CALLBACK");
        ObjectNode headers = frame.putObject("headers");
        headers.put("appId", "dingfakeapp");
        headers.put("connectionId", UUID.randomUUID().toString());
        headers.put("contentType", "application/json");
        headers.put("messageId", UUID.randomUUID().toString());
        headers.put("time", Long.toString(clock.millis()));
        headers.put("topic", DingTalkStreamTopics.BOT_MESSAGE_TOPIC);
        frame.put("data", data);
        try {
            return new DefaultProtocolRequestFacade(json.treeToValue(frame, ProtocolRequest.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DeliveredMessage> sessionReplies() {
        return fake.messages().by(Route.SESSION_REPLY);
    }

    /** What the SDK would write back on the WebSocket: {@link #replay} is the 200 ack, {@link #exception} the 500. */
    private static final class Frame implements Context {

        private final ProtocolRequestFacade request;
        private Object replied;
        private Throwable failed;

        Frame(ProtocolRequestFacade request) {
            this.request = request;
        }

        @SuppressWarnings("unchecked")
        Map<String, String> acknowledged() {
            assertThat(failed).as("failed frame").isNull();
            assertThat(replied).isInstanceOf(CallbackResponsePayload.class);
            return (Map<String, String>) ((CallbackResponsePayload) replied).getResponse();
        }

        @Override
        public void replay(Object response) {
            replied = response;
        }

        @Override
        public void exception(Throwable failure) {
            failed = failure;
        }

        @Override
        public String connectionId() {
            return request.getHeader("connectionId");
        }

        @Override
        public ProtocolRequestFacade getRequest() {
            return request;
        }
    }
}
