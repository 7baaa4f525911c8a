package io.duban.bot.inbound;

import io.duban.bot.text.UserText;
import org.springframework.stereotype.Component;

/**
 * One path for every received message, whichever way it arrived (HTTP callback or Stream mode): de-duplicate on
 * msgId, act, remember the outcome, answer (with addresses made non-clickable, see {@link UserText#plain}).
 */
@Component
public class InboundProcessor {

    private final InboundLog log;
    private final ReplyHandler handler;
    private final SessionReplier replier;

    InboundProcessor(InboundLog log, ReplyHandler handler, SessionReplier replier) {
        this.log = log;
        this.handler = handler;
        this.replier = replier;
    }

    public ReplyOutcome process(InboundMessage message) {
        if (!log.firstDelivery(message.msgId(), message.senderStaffId())) {
            return new ReplyOutcome(ReplyOutcome.Kind.DUPLICATE, null);
        }
        ReplyOutcome handled = handler.handle(message);
        // answers quote what people typed (notes, summaries, milestone titles), and in a group everyone reads them
        ReplyOutcome outcome = new ReplyOutcome(handled.kind(), UserText.plain(handled.answer()));
        log.answered(message.msgId(), outcome.kind().name(), outcome.answer());
        replier.answer(message, outcome.answer());
        return outcome;
    }
}
