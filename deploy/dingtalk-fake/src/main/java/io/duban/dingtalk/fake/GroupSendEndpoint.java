package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** {@code POST /v1.0/robot/groupMessages/send}: one message to an openConversationId; msgParam at most 15,000 bytes. */
final class GroupSendEndpoint implements FakeEndpoint {

    static final int MAX_MSG_PARAM_BYTES = 15_000;

    private final FakeDingTalkSettings settings;
    private final AccessTokens tokens;
    private final MessageLog log;
    private final Clock clock;

    GroupSendEndpoint(FakeDingTalkSettings settings, AccessTokens tokens, MessageLog log, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(FakeExchange exchange) throws IOException {
        RobotRequest.Checked request = RobotRequest.read(exchange, settings, tokens);
        if (request == null) {
            return;
        }
        String conversation = request.body().path("openConversationId").asText("");
        if (conversation.isBlank()) {
            exchange.openApiError(400, "InvalidParameter.OpenConversationId", "openConversationId不能为空");
            return;
        }
        if (request.msgParamBytes() > MAX_MSG_PARAM_BYTES) {
            exchange.openApiError(400, "InvalidParameter.MsgParam", "msgParam超过" + MAX_MSG_PARAM_BYTES + "字节");
            return;
        }
        String processQueryKey = UUID.randomUUID().toString();
        log.record(new DeliveredMessage(Route.GROUP, conversation, request.msgKey(), request.msgParam(), List.of(),
                clock.instant(), processQueryKey));
        ObjectNode reply = exchange.newObject();
        reply.put("processQueryKey", processQueryKey);
        exchange.ok(reply);
    }
}
