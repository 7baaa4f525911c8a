package io.duban.bot.ledger;

import io.duban.bot.AggregateSequences;
import io.duban.command.api.CommitmentRegistered;
import org.springframework.data.mongodb.core.MongoTemplate;


/** Feeds the bot's commitment ledger as its tracking processor would: the projection's own handlers, in sequence. */
public final class LedgerFeed {

    private final CommitmentLedgerProjection projection;
    private final AggregateSequences sequences = new AggregateSequences();

    public LedgerFeed(MongoTemplate mongo) {
        this.projection = new CommitmentLedgerProjection(mongo);
    }

    public void apply(CommitmentRegistered event) {
        projection.on(event, sequences.next(event.commitmentId()));
    }
}
