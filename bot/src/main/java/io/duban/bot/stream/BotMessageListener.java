package io.duban.bot.stream;

import com.dingtalk.open.app.api.callback.OpenDingTalkCallbackListener;
import io.duban.bot.inbound.InboundMessage;
import io.duban.bot.inbound.InboundMessageReader;
import io.duban.bot.inbound.InboundProcessor;
import io.duban.bot.inbound.ReplyOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Stream mode callback for {@code /v1.0/im/bot/messages/get}: the frame's data is the robot JSON of HTTP callback
 * mode, read by the same {@link InboundMessageReader} and handed to the same {@link InboundProcessor} (msgId
 * de-duplication, directory check, answer through the sessionWebhook). The SDK acknowledges the frame (code 200) when
 * this returns, and answers 500 when it throws.
 *
 * <p>What happens to a frame that cannot be acted on:
 * <ul>
 *   <li>JSON that is not a robot message (not an object, no msgId, oversized) is acknowledged and ignored, never
 *       thrown: it would be just as unreadable on every redelivery, so asking DingTalk for one could only loop.</li>
 *   <li>When the bot's own storage fails, {@link InboundProcessor#process} throws and this lets it through: the SDK
 *       answers 500 and DingTalk may deliver the message again. That cannot loop or act twice: the msgId is recorded
 *       before anything is acted on, so a redelivery after that point is a duplicate (acknowledged, no action), and
 *       one before it acts as if it were the first.</li>
 *   <li>Data that is not JSON at all never reaches this listener: the SDK's own conversion (fastjson2, outside its
 *       try block) throws first, logs "[DingTalk] dispatch command failed" and answers nothing. That cannot be
 *       changed without patching the SDK; DingTalk documents no redelivery of robot messages.</li>
 * </ul>
 * Nothing of a message's text is logged, only its msgId and outcome.
 */
public final class BotMessageListener implements OpenDingTalkCallbackListener<String, Map<String, String>> {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(BotMessageListener.class);

    private final transient InboundMessageReader reader;
    private final transient InboundProcessor processor;

    public BotMessageListener(InboundMessageReader reader, InboundProcessor processor) {
        this.reader = reader;
        this.processor = processor;
    }

    /** The frame's data, as the SDK hands it over; the answer goes back in the acknowledgement. */
    @Override
    public Map<String, String> execute(String data) {
        Optional<InboundMessage> message = reader.read(data);
        Map<String, String> answer = new LinkedHashMap<>();
        if (message.isEmpty()) {
            log.warn("DingTalk Stream frame acknowledged and ignored: not a robot message ({} characters)",
                    data == null ? 0 : data.length());
            answer.put("outcome", "IGNORED");
            return answer;
        }
        ReplyOutcome outcome = processor.process(message.get());
        log.debug("DingTalk Stream message {}: {}", message.get().msgId(), outcome.kind());
        answer.put("msgId", message.get().msgId());
        answer.put("outcome", outcome.kind().name());
        return answer;
    }
}
