package io.duban.bot.directory;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.duban.bot.BotProcessingGroups;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The bot's copy of the directory ({@value #COLLECTION}), so a reply can be checked against who may act for which
 * unit without the bot depending on the read side. Each write is guarded by the aggregate sequence: re-delivery
 * changes nothing.
 */
@Component
@ProcessingGroup(BotProcessingGroups.DIRECTORY)
class DirectoryProjection {

    static final String COLLECTION = "bot_officials";

    private final MongoTemplate mongo;

    DirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("unitIds", "active"));
    }

    @EventHandler
    void on(OfficialAppointed event, @SequenceNumber long sequence) {
        write(event.userId(), sequence, Updates.combine(
                Updates.set("name", event.name()),
                Updates.set("role", event.role().name()),
                Updates.set("unitIds", event.unitIds()),
                Updates.set("active", true)));
    }

    @EventHandler
    void on(OfficialRemoved event, @SequenceNumber long sequence) {
        write(event.userId(), sequence, Updates.set("active", false));
    }

    private void write(String userId, long sequence, Bson update) {
        Bson newer = Filters.and(Filters.eq("_id", userId),
                Filters.or(Filters.exists("lastSequence", false), Filters.lt("lastSequence", sequence)));
        try {
            mongo.getCollection(COLLECTION).updateOne(newer,
                    Updates.combine(update, Updates.set("lastSequence", sequence)), new UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
            // duplicate key: the document exists with a newer or equal sequence, so this event was applied already
        }
    }

    @ResetHandler
    void reset() {
        mongo.getCollection(COLLECTION).deleteMany(new Document());
    }
}
