package io.duban.deploy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.RenameCollectionOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuild's swap (rename the shadow collection over the live one, dropping the target) must be in the file,
 * not only in the running server: stock mongo-java-server 1.47 renamed the collection in memory but, on its H2
 * backend, renamed a freshly opened empty map instead of the collection's data map, so after a restart the live
 * name pointed at nothing and every view was empty while its token sat at the head (issue 11, item 1).
 */
class EmbeddedMongoRenameTest {

    @TempDir
    Path dir;

    @Test
    void aCollectionRenamedOverAnotherSurvivesARestart() {
        Path file = dir.resolve("views.mv");
        // given a live view and its rebuilt shadow
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0, Clock.systemUTC());
             MongoClient client = client(server)) {
            MongoDatabase db = client.getDatabase("duban");
            db.getCollection("commitments").insertOne(new Document("_id", "old").append("progress", 10));
            db.getCollection("commitments__rebuild").insertOne(new Document("_id", "new").append("progress", 40));
            db.getCollection("commitments__rebuild").insertOne(new Document("_id", "new-2").append("progress", 50));

            // when the shadow is swapped in, as ViewRebuilder does
            swap(db, "commitments__rebuild", "commitments");
            assertThat(ids(db, "commitments")).as("in the running server").containsExactlyInAnyOrder("new", "new-2");
        }

        // then a restarted server sees the same, and the shadow is gone
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0, Clock.systemUTC());
             MongoClient client = client(server)) {
            MongoDatabase db = client.getDatabase("duban");
            assertThat(ids(db, "commitments")).as("after a restart").containsExactlyInAnyOrder("new", "new-2");
            assertThat(db.getCollection("commitments").find(Filters.eq("_id", "new")).first())
                    .as("found through the _id index").containsEntry("progress", 40);
            assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("commitments__rebuild");

            // and it can be written and swapped again (a second rebuild after the restart)
            db.getCollection("commitments").insertOne(new Document("_id", "after-restart"));
            db.getCollection("commitments__rebuild").insertOne(new Document("_id", "second"));
            swap(db, "commitments__rebuild", "commitments");
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0, Clock.systemUTC());
             MongoClient client = client(server)) {
            assertThat(ids(client.getDatabase("duban"), "commitments")).containsExactly("second");
        }
    }

    @Test
    void aCollectionRenamedToAFreeNameSurvivesARestart() {
        Path file = dir.resolve("views.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0, Clock.systemUTC());
             MongoClient client = client(server)) {
            MongoDatabase db = client.getDatabase("duban");
            db.getCollection("timeline__rebuild").insertOne(new Document("_id", "t-1"));
            swap(db, "timeline__rebuild", "timeline");
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0, Clock.systemUTC());
             MongoClient client = client(server)) {
            assertThat(ids(client.getDatabase("duban"), "timeline")).containsExactly("t-1");
        }
    }

    private static void swap(MongoDatabase db, String from, String to) {
        db.getCollection(from).renameCollection(new MongoNamespace(db.getName(), to),
                new RenameCollectionOptions().dropTarget(true));
    }

    private static List<Object> ids(MongoDatabase db, String collection) {
        List<Object> ids = new ArrayList<>();
        db.getCollection(collection).find().forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static MongoClient client(EmbeddedMongoServer server) {
        return MongoClients.create("mongodb://127.0.0.1:" + server.port());
    }
}
