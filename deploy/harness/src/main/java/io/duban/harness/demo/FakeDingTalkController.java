package io.duban.harness.demo;

import io.duban.dingtalk.fake.CallbackResponse;
import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeCallback;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.OutageMode;
import io.duban.dingtalk.fake.Route;
import io.duban.bot.readside.ReadSide;
import io.duban.bot.inbound.DingTalkCallbackController;
import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Only in the harness's demo, beside the DingTalk fake: see what the bot sent, and "reply" as an official — the fake
 * signs the callback exactly as DingTalk would and posts it to the bot's callback endpoint. The route rules (office only
 * for messages and faults) are {@link DevRoutes}; who may speak as whom is checked here, because only the directory
 * knows an official's units: a unit account speaks only as officials of its own units.
 */
@RestController
@RequestMapping(path = "/api/dev/dingtalk", produces = "application/json")
public class FakeDingTalkController {

    public record SentMessage(Route route, String recipient, String title, String text, Instant at) {
    }

    public record ReplyRequest(String userId, String nick, String text, Boolean group) {
    }

    public record ReplyResult(int callbackStatus, String msgId, String callbackBody, String answer) {
    }

    public record FaultRequest(Boolean outage, Integer failNextCalls, Integer rateLimitNextCalls,
                               List<String> flowControlledUsers) {
    }

    /** The developer endpoints' access log (who spoke as whom); {@link DevEndpointAccessLog} logs every call. */
    private static final Logger access = LoggerFactory.getLogger("duban.dev-access");

    private final FakeDingTalk fake;
    private final ReadSide directory;
    private final DevCaller caller;

    public FakeDingTalkController(FakeDingTalk fake, ReadSide directory, DevCaller caller) {
        this.fake = fake;
        this.directory = directory;
        this.caller = caller;
    }

    @GetMapping("/messages")
    public List<SentMessage> messages(@RequestParam(required = false) String recipient) {
        List<DeliveredMessage> delivered = recipient == null ? fake.messages().all() : fake.messages().to(recipient);
        return delivered.stream().map(m -> new SentMessage(m.route(), m.recipient(),
                m.content() == null ? null : m.content().path("title").asText(null), m.text(), m.at())).toList();
    }

    @PostMapping("/replies")
    public ReplyResult reply(@RequestBody ReplyRequest body, HttpServletRequest request)
            throws IOException, InterruptedException {
        if (body.userId() == null || body.userId().isBlank() || body.text() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写 userId 和 text。");
        }
        Actor actor = caller.current();
        maySpeakAs(actor, body.userId());
        access.info("dev reply: account={} speaks as userId={}", actor.userId(), printable(body.userId()));
        String nick = body.nick() == null ? body.userId() : body.nick();
        FakeCallback callback = Boolean.TRUE.equals(body.group())
                ? FakeCallback.inGroup(body.userId(), nick, DemoApplication.OFFICE_CONVERSATION,
                "督办工作群", body.text())
                : FakeCallback.oneToOne(body.userId(), nick, body.text());
        URI target = URI.create("http://127.0.0.1:" + request.getLocalPort() + DingTalkCallbackController.PATH);
        int before = fake.messages().by(Route.SESSION_REPLY).size();
        CallbackResponse response = fake.deliverCallback(target, callback);
        List<DeliveredMessage> replies = fake.messages().by(Route.SESSION_REPLY);
        String answer = replies.size() > before ? replies.get(replies.size() - 1).text() : null;
        return new ReplyResult(response.status(), response.msgId(), response.body(), answer);
    }

    /**
     * The office may speak as anyone (including people not in the directory, to see how the bot answers them); a unit
     * account only as an active official whose every unit is one of its own. Anyone else not at all.
     */
    private void maySpeakAs(Actor actor, String userId) {
        if (actor.role() == Role.OFFICE) {
            return;
        }
        List<String> units = directory.official(userId).map(o -> o.units().stream().map(u -> u.unitId()).toList())
                .orElse(List.of());
        boolean own = actor.role() == Role.UNIT && !units.isEmpty() && actor.unitIds().containsAll(units);
        if (!own) {
            access.warn("dev reply refused: account={} role={} may not speak as userId={}", actor.userId(),
                    actor.role(), printable(userId));
            throw CommandRefusedException.notPermitted("dev.not-your-official",
                    "演示账号只能以本单位人员的身份回复：" + userId + " 不是您所在单位的人员（或不在人员名录中）。");
        }
    }

    /** User input in a log line: no line breaks or other control characters, and not endless. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }

    @PostMapping("/faults")
    public String faults(@RequestBody FaultRequest body) {
        if (Boolean.TRUE.equals(body.outage())) {
            fake.startOutage(OutageMode.CONNECTION_REFUSED);
        } else if (Boolean.FALSE.equals(body.outage())) {
            fake.endOutage();
        }
        if (body.failNextCalls() != null) {
            fake.faults().failNextCalls(body.failNextCalls(), 503);
        }
        if (body.rateLimitNextCalls() != null) {
            fake.faults().rateLimitNextCalls(body.rateLimitNextCalls());
        }
        if (body.flowControlledUsers() != null) {
            fake.faults().clearFlowControl().flowControl(body.flowControlledUsers());
        }
        return "{\"ok\":true}";
    }
}
