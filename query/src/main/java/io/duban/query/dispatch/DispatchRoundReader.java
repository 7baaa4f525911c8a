package io.duban.query.dispatch;

import io.duban.query.api.dispatch.DispatchRoundView;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code dispatch_rounds} view. */
@Component
public class DispatchRoundReader {

    private final MongoTemplate mongo;

    public DispatchRoundReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<DispatchRoundView> byId(String roundId) {
        return Optional.ofNullable(mongo.getCollection(DispatchRoundsProjection.COLLECTION)
                .find(Filters.and(Filters.eq("_id", roundId), Filters.gte("lastSequence", 0L))).first())
                .map(DispatchRoundDocuments::view);
    }

    /** Every round, latest first. */
    public List<DispatchRoundView> all() {
        List<DispatchRoundView> rounds = new ArrayList<>();
        mongo.getCollection(DispatchRoundsProjection.COLLECTION).find(Filters.gte("lastSequence", 0L))
                .sort(new Document("_id", -1)).forEach(d -> rounds.add(DispatchRoundDocuments.view(d)));
        return rounds;
    }
}
