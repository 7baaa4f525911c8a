package io.duban.bot.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.DingTalkProperties;
import io.duban.bot.directory.Directory;
import io.duban.bot.ledger.CommitmentLedger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** The one inbound path, assembled as Spring assembles it, for tests outside this package. */
public final class InboundFixture {

    private InboundFixture() {
    }

    public static InboundProcessor processor(MongoTemplate mongo, CommandGateway commands,
                                             DingTalkProperties properties, Clock clock) {
        return new InboundProcessor(new InboundLog(mongo, clock),
                new ReplyHandler(new Directory(mongo), new CommitmentLedger(mongo), commands, properties),
                new SessionReplier(new ObjectMapper(), properties, clock));
    }
}
