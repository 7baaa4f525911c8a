package io.duban.bot.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.DingTalkProperties;
import io.duban.bot.readside.ReadSide;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** The one inbound path, assembled as Spring assembles it, for tests outside this package. */
public final class InboundFixture {

    private InboundFixture() {
    }

    public static InboundProcessor processor(MongoTemplate mongo, ReadSide readSide, CommandGateway commands,
                                             DingTalkProperties properties, Clock clock) {
        return new InboundProcessor(new InboundLog(mongo, clock), new ReplyHandler(readSide, commands, properties),
                new SessionReplier(new ObjectMapper(), properties, clock));
    }
}
