package io.duban.bot.inbound;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;

/**
 * Every DingTalk msgId seen ({@value #COLLECTION}), so a message delivered twice (DingTalk retries, a second
 * connection, a replayed callback) is acted on once. Holds the answer given, for support, not the message text.
 */
@Component
class InboundLog {

    static final String COLLECTION = "dingtalk_inbound";

    private final MongoTemplate mongo;
    private final Clock clock;

    InboundLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True the first time a msgId is seen; false for every later delivery of it. */
    boolean firstDelivery(String msgId, String senderStaffId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", msgId)
                    .append("senderStaffId", senderStaffId).append("receivedAt", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    void answered(String msgId, String outcome, String reply) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", msgId),
                Updates.combine(Updates.set("outcome", outcome), Updates.set("reply", reply)));
    }
}
