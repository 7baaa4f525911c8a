package io.duban.query.commitment;

import io.duban.query.api.commitment.CommitmentView;
import com.mongodb.client.MongoCollection;
import io.duban.command.api.CommitmentRegistered;
import io.duban.query.fixtures.WireMongoTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading many commitments from the wire server, which sizes its replies by the batch size alone. */
class CommitmentReaderTest extends WireMongoTest {

    @Test
    void listsLargerThanOneWireMessageAreReadInBatches() {
        // given: 1,500 commitments of ~40 KB each (a long roadmap), 60 MB together; a reply of all but the first
        // batch would exceed the driver's 48 MB message limit
        CommitmentRegistered registered = financeRegistered();
        new CommitmentsProjection(mongo).on(registered,
                commitment(registered.commitmentId(), 0, registered, Instant.parse("2024-01-05T02:00:00Z")));
        MongoCollection<Document> view = mongo.getCollection(CommitmentsProjection.COLLECTION);
        Document template = view.find().first();
        String roadmap = "plan".repeat(10_000); // 40 KB in UTF-8
        List<Document> copies = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            Document copy = new Document(template);
            copy.put("_id", "c" + i);
            copy.put("roadmap", roadmap);
            copies.add(copy);
            if (copies.size() == 100) {
                view.insertMany(copies);
                copies = new ArrayList<>();
            }
        }

        // when
        List<CommitmentView> all = new CommitmentReader(mongo).find(null, null, null);

        // then
        assertThat(all).hasSize(1_501);
        assertThat(all).filteredOn(c -> c.commitmentId().equals("c1499")).singleElement()
                .satisfies(c -> assertThat(c.roadmap()).hasSize(roadmap.length()));
    }
}
