package io.duban.bot.ledger;

import io.duban.command.api.CommitmentRegistered;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.HashMap;
import java.util.Map;

/** Feeds the bot's commitment ledger as its tracking processor would: the projection's own handlers, in sequence. */
public final class LedgerFeed {

    private final CommitmentLedgerProjection projection;
    private final Map<String, Long> sequences = new HashMap<>();

    public LedgerFeed(MongoTemplate mongo) {
        this.projection = new CommitmentLedgerProjection(mongo);
    }

    public void apply(CommitmentRegistered event) {
        projection.on(event, next(event.commitmentId()));
    }

    private long next(String commitmentId) {
        return sequences.merge(commitmentId, 1L, Long::sum) - 1;
    }
}
