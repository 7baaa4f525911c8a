package io.duban.deploy.mongo;

import java.time.Clock;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An update never changes the document instance the store's pages hold (H2 may be serializing it for the last
 * commit on another thread): it changes a copy and puts that back. Checked on the instances themselves.
 */
class UpdateOnACopyTest {

    private MVStore store;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> units;

    @BeforeEach
    void start() {
        store = new MVStore.Builder().open(); // in memory
        server = new MongoServer(new IdFirstH2Backend(store, Clock.systemUTC()));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        units = client.getDatabase("duban").getCollection("units");
        units.insertOne(new Document("_id", "czt").append("name", "自治区财政厅").append("lastSequence", 1L)
                .append("rows", List.of(new Document("item", 31).append("progress", 50))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anUpdateByIdLeavesTheStoredInstanceAsItWas() {
        de.bwaldvogel.mongo.bson.Document before = stored("czt");

        units.updateOne(Filters.and(Filters.eq("_id", "czt"), Filters.lt("lastSequence", 2L)),
                new Document("$set", new Document("rows.0.progress", 80).append("lastSequence", 2L)));

        assertThat(((List<?>) before.get("rows"))).first()
                .extracting(row -> ((de.bwaldvogel.mongo.bson.Document) row).get("progress")).isEqualTo(50);
        assertThat(before.get("lastSequence")).isEqualTo(1L);
        assertThat(stored("czt")).isNotSameAs(before);
        assertThat(units.find(Filters.eq("_id", "czt")).first().getList("rows", Document.class).get(0))
                .containsEntry("progress", 80);
    }

    @Test
    void anUpdateByAScanAndAFindAndModifyLeaveItToo() {
        de.bwaldvogel.mongo.bson.Document before = stored("czt");

        units.updateMany(Filters.eq("name", "自治区财政厅"), new Document("$set", new Document("scanned", true)));
        Document after = units.findOneAndUpdate(Filters.eq("name", "自治区财政厅"),
                new Document("$inc", new Document("lastSequence", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

        assertThat(before).doesNotContainKey("scanned").containsEntry("lastSequence", 1L);
        assertThat(after).containsEntry("scanned", true).containsEntry("lastSequence", 2L);
    }

    @Test
    void readsOutsideAnUpdateAnswerAsBefore() {
        assertThat(units.find(Filters.eq("name", "自治区财政厅")).first()).containsEntry("_id", "czt");
        assertThat(units.countDocuments()).isEqualTo(1);
    }

    private de.bwaldvogel.mongo.bson.Document stored(String id) {
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap("databases.duban.units");
        return data.get(id);
    }
}
