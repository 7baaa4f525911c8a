package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1.0/robot/oToMessages/batchSend}: at most 20 userIds. Users under flow control come back in
 * {@code flowControlledStaffIdList} with HTTP 200 and are NOT recorded — exactly the case a sender must retry. Users
 * the organisation does not know come back in {@code invalidStaffIdList}, also with HTTP 200, and are not recorded.
 */
final class OneToOneSendEndpoint implements FakeEndpoint {

    static final int MAX_USERS = 20;

    private final FakeDingTalkSettings settings;
    private final AccessTokens tokens;
    private final Faults faults;
    private final MessageLog log;
    private final Clock clock;

    OneToOneSendEndpoint(FakeDingTalkSettings settings, AccessTokens tokens, Faults faults, MessageLog log, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(FakeExchange exchange) throws IOException {
        RobotRequest.Checked request = RobotRequest.read(exchange, settings, tokens);
        if (request == null) {
            return;
        }
        JsonNode userIds = request.body().path("userIds");
        if (!userIds.isArray() || userIds.isEmpty()) {
            exchange.openApiError(400, "InvalidParameter.UserIds", "userIds不能为空");
            return;
        }
        if (userIds.size() > MAX_USERS) {
            exchange.openApiError(400, "InvalidParameter.UserIds", "userIds最多" + MAX_USERS + "个");
            return;
        }
        String processQueryKey = UUID.randomUUID().toString();
        List<String> flowControlled = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (JsonNode userId : userIds) {
            String id = userId.asText();
            if (faults.isInvalid(id)) {
                invalid.add(id);
            } else if (faults.isFlowControlled(id)) {
                faults.noteFlowControlled();
                flowControlled.add(id);
            } else {
                log.record(new DeliveredMessage(Route.ONE_TO_ONE, id, request.msgKey(), request.msgParam(), List.of(),
                        clock.instant(), processQueryKey));
            }
        }
        ObjectNode reply = exchange.newObject();
        reply.put("processQueryKey", processQueryKey);
        ArrayNode unknown = reply.putArray("invalidStaffIdList");
        invalid.forEach(unknown::add);
        ArrayNode throttled = reply.putArray("flowControlledStaffIdList");
        flowControlled.forEach(throttled::add);
        exchange.ok(reply);
    }
}
