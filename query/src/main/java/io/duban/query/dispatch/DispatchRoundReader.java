package io.duban.query.dispatch;

import io.duban.query.api.dispatch.DispatchRoundView;
import com.mongodb.client.model.Filters;
import io.duban.query.commitment.CommitmentReader;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code dispatch_rounds} view, each round with the commitments that owe no report
 * ({@link ReportExemptions}): one read of the commitments view per round, for its verified commitments.
 */
@Component
public class DispatchRoundReader {

    private final MongoTemplate mongo;
    private final CommitmentReader commitments;
    private final Clock clock;

    public DispatchRoundReader(MongoTemplate mongo, CommitmentReader commitments, Clock clock) {
        this.mongo = mongo;
        this.commitments = commitments;
        this.clock = clock;
    }

    public Optional<DispatchRoundView> byId(String roundId) {
        return Optional.ofNullable(mongo.getCollection(DispatchRoundsProjection.COLLECTION)
                .find(Filters.and(Filters.eq("_id", roundId), Filters.gte("lastSequence", 0L))).first())
                .map(this::view);
    }

    /** Every round, latest first. */
    public List<DispatchRoundView> all() {
        List<DispatchRoundView> rounds = new ArrayList<>();
        mongo.getCollection(DispatchRoundsProjection.COLLECTION).find(Filters.gte("lastSequence", 0L))
                .sort(new Document("_id", -1)).forEach(d -> rounds.add(view(d)));
        return rounds;
    }

    private DispatchRoundView view(Document document) {
        DispatchRoundView round = DispatchRoundDocuments.view(document);
        List<String> withoutReport = round.withoutReport();
        if (withoutReport.isEmpty()) {
            return round;
        }
        return round.withExempt(ReportExemptions.exempt(withoutReport, DispatchRoundDocuments.joinedAt(document),
                commitments.verifiedAt(withoutReport), round.reportDeadline(), round.quarterEnd(), clock.getZone()));
    }
}
