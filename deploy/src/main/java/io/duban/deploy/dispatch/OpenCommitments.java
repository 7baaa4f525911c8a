package io.duban.deploy.dispatch;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The ids of every commitment not verified yet, from the query side's {@code commitments} view. */
@Component
public class OpenCommitments implements Supplier<List<String>> {

    private final MongoTemplate mongo;

    public OpenCommitments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<String> get() {
        List<String> ids = new ArrayList<>();
        mongo.getCollection("commitments")
                .find(Filters.and(Filters.ne("status", "VERIFIED"), Filters.gte("lastSequence", 0L)))
                .projection(Projections.include("_id")).sort(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
