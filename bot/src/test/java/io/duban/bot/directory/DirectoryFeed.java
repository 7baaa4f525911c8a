package io.duban.bot.directory;

import io.duban.bot.AggregateSequences;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import org.springframework.data.mongodb.core.MongoTemplate;


/** Feeds the bot's directory as its tracking processor would: the projection's own handlers, in sequence per person. */
public final class DirectoryFeed {

    private final DirectoryProjection projection;
    private final AggregateSequences sequences = new AggregateSequences();

    public DirectoryFeed(MongoTemplate mongo) {
        this.projection = new DirectoryProjection(mongo);
    }

    public void apply(OfficialAppointed event) {
        projection.on(event, sequences.next(event.userId()));
    }

    public void apply(OfficialRemoved event) {
        projection.on(event, sequences.next(event.userId()));
    }
}
