package io.duban.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import io.duban.query.fixtures.WireMongoTest;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViewWriterTest extends WireMongoTest {

    private ViewWriter writer;
    private MongoCollection<Document> collection;

    @BeforeEach
    void setUp() {
        writer = new ViewWriter(mongo, "things");
        collection = mongo.getCollection("things");
    }

    @Test
    void outsideAUnitOfWorkWritesAtOnce() {
        writer.write(List.of(new InsertOneModel<>(new Document("_id", "a"))));

        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void insideAUnitOfWorkWritesOnceWhenItCommits() {
        // given
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));

        // when
        writer.write(List.of(new InsertOneModel<>(new Document("_id", "a"))));
        writer.write(List.of(new InsertOneModel<>(new Document("_id", "b"))));

        // then
        assertThat(collection.countDocuments()).as("nothing written before the commit").isZero();
        unitOfWork.commit();
        assertThat(collection.countDocuments()).isEqualTo(2);
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothing() {
        // given
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        writer.write(List.of(new InsertOneModel<>(new Document("_id", "a"))));

        // when
        unitOfWork.rollback();

        // then
        assertThat(collection.countDocuments()).isZero();
    }
}
