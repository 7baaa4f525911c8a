package io.duban.deploy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's {@code _id}-first lookup gives the same answers as mongo-java-server's own plan (a scan):
 * the same queries and updates run against both, through the real driver, must leave identical documents.
 */
class IdFirstLookupTest {

    @TempDir
    Path dir;

    @Test
    void queriesAndVersionedUpdatesNamingTheIdMatchWhatAFullScanFinds() {
        MongoServer reference = new MongoServer(H2Backend.inMemory());
        String referenceAddress = "mongodb://127.0.0.1:" + reference.bind().getPort();
        try (EmbeddedMongoServer ours = EmbeddedMongoServer.start(dir.resolve("views.mv"), 0, Clock.systemUTC());
             MongoClient refClient = MongoClients.create(referenceAddress);
             MongoClient ourClient = MongoClients.create("mongodb://127.0.0.1:" + ours.port())) {
            MongoCollection<Document> expected = refClient.getDatabase("duban").getCollection("commitments");
            MongoCollection<Document> actual = ourClient.getDatabase("duban").getCollection("commitments");

            // given the same 50 documents in both
            for (MongoCollection<Document> c : List.of(expected, actual)) {
                for (int i = 0; i < 50; i++) {
                    c.insertOne(new Document("_id", "c-" + i).append("lastSequence", (long) (i % 5))
                            .append("unitId", "u" + (i % 3)).append("progress", i));
                }
            }

            // when versioned updates (applied, stale, repeated), an upsert of a missing id and $in reads run on both
            List<Bson[]> updates = List.of(
                    new Bson[]{Filters.and(Filters.eq("_id", "c-7"), Filters.lt("lastSequence", 3L)),
                            Updates.combine(Updates.set("progress", 70), Updates.set("lastSequence", 3L))},
                    new Bson[]{Filters.and(Filters.eq("_id", "c-7"), Filters.lt("lastSequence", 3L)),
                            Updates.combine(Updates.set("progress", -1), Updates.set("lastSequence", 3L))},
                    new Bson[]{Filters.and(Filters.eq("_id", "c-9"), Filters.lt("lastSequence", 2L)),
                            Updates.set("progress", -2)},
                    new Bson[]{Filters.and(Filters.in("_id", "c-1", "c-2", "c-3"), Filters.eq("unitId", "u1")),
                            Updates.inc("progress", 1000)},
                    new Bson[]{Filters.and(Filters.eq("_id", "missing"), Filters.eq("unitId", "u9")),
                            Updates.set("progress", 5)});
            for (Bson[] u : updates) {
                // only the missing id is upserted: an upsert whose filter fails on an existing id is a duplicate key
                UpdateOptions upsert = new UpdateOptions().upsert(u == updates.get(updates.size() - 1));
                long expectedMatched = expected.updateOne(u[0], u[1], upsert).getMatchedCount();
                long actualMatched = actual.updateOne(u[0], u[1], upsert).getMatchedCount();
                assertThat(actualMatched).as("matched by %s", u[0]).isEqualTo(expectedMatched);
            }
            List<Bson> reads = List.of(
                    Filters.and(Filters.eq("_id", "c-7"), Filters.gte("progress", 70)),
                    Filters.and(Filters.eq("_id", "c-9"), Filters.eq("progress", -2)),
                    Filters.and(Filters.in("_id", "c-1", "c-2", "c-3", "nope"), Filters.gt("progress", 2)),
                    Filters.and(Filters.eq("_id", "missing"), Filters.exists("unitId")),
                    Filters.in("_id", "c-4", "c-40", "nope"),
                    Filters.and(Filters.in("_id", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "c-" + i)
                            .toList()), Filters.eq("unitId", "u1")),
                    new Document("_id", "c-3").append("unitId", "u0"),
                    new Document("_id", "c-3").append("unitId", "u1"),
                    Filters.eq("unitId", "u2"));

            // then every read and the whole collection are the same
            for (Bson read : reads) {
                assertThat(all(actual.find(read).sort(Sorts.ascending("_id"))))
                        .as("documents found by %s", read)
                        .isEqualTo(all(expected.find(read).sort(Sorts.ascending("_id"))));
            }
            assertThat(all(actual.find().sort(Sorts.ascending("_id"))))
                    .isEqualTo(all(expected.find().sort(Sorts.ascending("_id"))))
                    .hasSize(51);
            // and the versioned update was applied once, the stale one not at all
            assertThat(actual.find(Filters.eq("_id", "c-7")).first()).containsEntry("progress", 70);
            assertThat(actual.find(Filters.eq("_id", "c-9")).first()).containsEntry("progress", 9);
        } finally {
            reference.shutdownNow();
        }
    }

    @Test
    void aDataFileWrittenByThePlainH2BackendOpensWithItsDocumentsWhichAreRewrittenAsBsonAndSurviveARestart() {
        Path file = dir.resolve("plain.mv");
        // given 500 documents written by mongo-java-server's own H2 backend (Java-serialized, its own key order)
        H2Backend plain = new H2Backend(file.toString());
        MongoServer server = new MongoServer(plain);
        int port = server.bind().getPort();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> units = client.getDatabase("duban").getCollection("units");
            for (int i = 0; i < 500; i++) {
                units.insertOne(new Document("_id", "u" + Integer.toHexString(i * 7919)).append("n", i));
            }
        }
        server.shutdown();

        // when the embedded server opens it, then every document is found through the _id index, and writes work:
        // an old document updated, a new one added (both stored as BSON from then on)
        try (EmbeddedMongoServer ours = EmbeddedMongoServer.start(file, 0, Clock.systemUTC());
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + ours.port())) {
            MongoCollection<Document> units = client.getDatabase("duban").getCollection("units");
            for (int i = 0; i < 500; i++) {
                assertThat(units.find(Filters.and(Filters.eq("_id", "u" + Integer.toHexString(i * 7919)),
                        Filters.eq("n", i))).first()).as("document %d", i).isNotNull();
            }
            units.updateOne(Filters.eq("_id", "u0"), new Document("$set", new Document("n", 1000)));
            units.insertOne(new Document("_id", "added-by-duban").append("n", -1));
        }

        // and after a restart the old, the rewritten and the new documents all read back
        try (EmbeddedMongoServer again = EmbeddedMongoServer.start(file, 0, Clock.systemUTC());
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + again.port())) {
            MongoCollection<Document> units = client.getDatabase("duban").getCollection("units");
            assertThat(units.find(Filters.eq("_id", "added-by-duban")).first()).isNotNull().containsEntry("n", -1);
            assertThat(units.find(Filters.eq("_id", "u0")).first()).isNotNull().containsEntry("n", 1000);
            assertThat(units.find(Filters.eq("_id", "u" + Integer.toHexString(499 * 7919))).first())
                    .isNotNull().containsEntry("n", 499);
            assertThat(units.countDocuments()).isEqualTo(501);
        }
    }

    private static List<Document> all(Iterable<Document> documents) {
        List<Document> list = new ArrayList<>();
        documents.forEach(list::add);
        return list;
    }
}
