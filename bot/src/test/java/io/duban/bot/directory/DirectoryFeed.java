package io.duban.bot.directory;

import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.HashMap;
import java.util.Map;

/** Feeds the bot's directory as its tracking processor would: the projection's own handlers, in sequence per person. */
public final class DirectoryFeed {

    private final DirectoryProjection projection;
    private final Map<String, Long> sequences = new HashMap<>();

    public DirectoryFeed(MongoTemplate mongo) {
        this.projection = new DirectoryProjection(mongo);
    }

    public void apply(OfficialAppointed event) {
        projection.on(event, next(event.userId()));
    }

    public void apply(OfficialRemoved event) {
        projection.on(event, next(event.userId()));
    }

    private long next(String userId) {
        return sequences.merge(userId, 1L, Long::sum) - 1;
    }
}
