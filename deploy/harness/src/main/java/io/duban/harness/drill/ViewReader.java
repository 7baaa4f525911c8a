package io.duban.harness.drill;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/** Reads the commitments view straight from MongoDB (any MongoDB-wire server), as the drill's witness. */
final class ViewReader {

    private ViewReader() {
    }

    /** What the witness reads: the commitments view and the ids of the timeline's commitment entries. */
    record Views(Map<String, Convergence.Viewed> commitments, Set<String> timelineIds) {
    }

    /** Every document of {@code commitments} (id, progress, lastSequence) and every commitment entry of {@code timeline}. */
    static Views read(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(connection)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS)).build();
        Map<String, Convergence.Viewed> viewed = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(settings)) {
            for (Document d : client.getDatabase(connection.getDatabase() == null ? "duban" : connection.getDatabase())
                    .getCollection("commitments")
                    .find().projection(Projections.include("progress", "lastSequence"))) {
                String id = d.getString("_id");
                Number progress = d.get("progress", Number.class);
                Number lastSequence = d.get("lastSequence", Number.class);
                viewed.put(id, new Convergence.Viewed(id, progress == null ? 0 : progress.intValue(),
                        lastSequence == null ? -1 : lastSequence.longValue()));
            }
            Set<String> timeline = new HashSet<>();
            for (Document d : client.getDatabase(connection.getDatabase() == null ? "duban" : connection.getDatabase())
                    .getCollection("timeline").find(Filters.eq("kind", "commitment")).projection(Projections.include("_id"))) {
                timeline.add(d.getString("_id"));
            }
            return new Views(viewed, timeline);
        }
    }
}
