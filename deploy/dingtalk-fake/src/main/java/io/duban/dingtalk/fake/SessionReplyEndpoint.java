package io.duban.dingtalk.fake;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /session/{id}}: a reply through the sessionWebhook of a callback the fake delivered. No auth, as on
 * DingTalk; an unknown or expired session answers errcode 300001 (the code is the fake's choice).
 */
final class SessionReplyEndpoint implements FakeEndpoint {

    static final String PREFIX = "/session/";

    private final SessionWebhooks sessions;
    private final MessageLog log;
    private final Clock clock;

    SessionReplyEndpoint(SessionWebhooks sessions, MessageLog log, Clock clock) {
        this.sessions = sessions;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(FakeExchange exchange) throws IOException {
        String id = exchange.path().substring(PREFIX.length());
        Optional<SessionWebhooks.Session> session = sessions.active(id);
        if (session.isEmpty()) {
            exchange.webhookResult(300001, "session webhook 不存在或已过期");
            return;
        }
        RobotMessageBody message = RobotMessageBody.of(exchange.jsonBody());
        if (message == null) {
            exchange.webhookResult(40035, "缺少参数 json");
            return;
        }
        log.record(new DeliveredMessage(Route.SESSION_REPLY, session.get().recipient(), message.msgtype(),
                message.content(), message.mentions(), clock.instant(), FakeExchange.requestId()));
        exchange.webhookResult(0, "ok");
    }
}
