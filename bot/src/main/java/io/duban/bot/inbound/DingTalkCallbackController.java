package io.duban.bot.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.DingTalkProperties;
import io.duban.bot.signature.CallbackVerification;
import io.duban.bot.signature.CallbackVerifier;
import io.duban.bot.signature.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.duban.command.api.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

/**
 * DingTalk's HTTP callback for robot messages. Authenticated by the {@code timestamp}/{@code sign} headers (HMAC of
 * the app secret), not by a login: a bad or stale signature gets 401 and nothing is read or recorded.
 */
@RestController
@ConditionalOnProperty(name = "duban.dingtalk.enabled", havingValue = "true")
public class DingTalkCallbackController {

    public static final String PATH = "/api/dingtalk/callback";
    private static final Logger log = LoggerFactory.getLogger(DingTalkCallbackController.class);

    private final CallbackVerifier verifier;
    private final InboundMessageReader reader;
    private final InboundProcessor processor;

    public DingTalkCallbackController(DingTalkProperties properties, Clock clock, ObjectMapper json,
                                      InboundProcessor processor) {
        this.verifier = new CallbackVerifier(Secret.of(properties.appSecret()), clock);
        this.reader = new InboundMessageReader(json);
        this.processor = processor;
    }

    /**
     * DingTalk posts JSON. Any other Content-Type is refused with 415 before the body is read: a form-encoded body
     * would be parsed into request parameters by the servlet container first.
     */
    @PostMapping(path = PATH, consumes = "application/json", produces = {"application/json", "application/problem+json"})
    public ResponseEntity<?> receive(@RequestHeader(name = "timestamp", required = false) String timestamp,
                                     @RequestHeader(name = "sign", required = false) String sign,
                                     @RequestBody(required = false) String body) {
        CallbackVerification verification = verifier.verify(timestamp, sign);
        if (!verification.accepted()) {
            log.warn("DingTalk callback rejected: {}", verification.check());
            return problem(HttpStatus.UNAUTHORIZED, "签名校验失败", "回调签名无效或已过期。", "dingtalk.bad-signature");
        }
        return reader.read(body)
                .<ResponseEntity<?>>map(message -> {
                    ReplyOutcome outcome = processor.process(message);
                    return ResponseEntity.ok(Map.of("msgId", message.msgId(), "outcome", outcome.kind().name()));
                })
                .orElseGet(() -> problem(HttpStatus.BAD_REQUEST, "输入有误", "回调内容不是有效的钉钉机器人消息。",
                        "dingtalk.bad-body"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String code) {
        return Problems.response(Problems.of(status, title, detail, code));
    }
}
