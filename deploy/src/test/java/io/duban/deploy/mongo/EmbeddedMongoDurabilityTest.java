package io.duban.deploy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a SIGKILL leaves of the embedded server's file: the file is copied while the server still runs, right after
 * the write was acknowledged (the copy is what a killed process leaves behind), and the copy is opened by another
 * server. With mongo-java-server's stock H2 backend the copy lacked writes of the last second (its MVStore is
 * written out by a background thread every second); the drills kill9 and mongo-outage found views missing events
 * for good.
 */
class EmbeddedMongoDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void anAcknowledgedWriteIsInTheFileAtOnce() throws Exception {
        Path file = dir.resolve("views.mv");
        Path snapshot = dir.resolve("after-kill.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0, Clock.systemUTC());
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            MongoCollection<Document> views = client.getDatabase("duban").getCollection("commitments");
            views.insertOne(new Document("_id", "c-1").append("progress", 10).append("lastSequence", 0L));
            // as the views write: one ordered bulkWrite per batch
            views.bulkWrite(List.of(new UpdateOneModel<>(Filters.eq("_id", "c-1"),
                    Updates.combine(Updates.set("progress", 40), Updates.set("lastSequence", 1L)))));

            Files.copy(file, snapshot);
        }

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(snapshot, 0, Clock.systemUTC());
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + reopened.port())) {
            Document document = client.getDatabase("duban").getCollection("commitments")
                    .find(Filters.eq("_id", "c-1")).first();
            assertThat(document).as("the document as acknowledged before the 'kill'").isNotNull()
                    .containsEntry("progress", 40).containsEntry("lastSequence", 1L);
        }
    }
}
