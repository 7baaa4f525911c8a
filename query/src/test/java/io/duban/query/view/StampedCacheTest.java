package io.duban.query.view;

import io.duban.query.fixtures.WireMongoTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader's kept answer lasts exactly while nothing is written to its view. */
class StampedCacheTest extends WireMongoTest {

    private final AtomicInteger loads = new AtomicInteger();
    private ViewStamps stamps;
    private StampedCache<String, Integer> cache;

    @BeforeEach
    void setUp() {
        stamps = new ViewStamps(mongo);
        cache = new StampedCache<>(stamps, "things", 2);
    }

    private Integer read() {
        return cache.get("all", () -> {
            loads.incrementAndGet();
            return (int) mongo.getCollection("things").countDocuments();
        });
    }

    @Test
    void aSecondReadWithoutAWriteLoadsNothing() {
        // given
        new ViewWriter(mongo, "things").write(List.of(new com.mongodb.client.model.InsertOneModel<>(new Document("_id", 1))));

        // when
        Integer first = read();
        Integer second = read();

        // then
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aWriteThroughTheViewsWriterMovesTheStampAndTheNextReadLoadsAgain() {
        // given
        assertThat(read()).isZero();

        // when a view's writer writes (it moves the stamp after the write)
        new ViewWriter("things", () -> mongo.getCollection("things"), () -> stamps.bump("things"))
                .write(List.of(new com.mongodb.client.model.InsertOneModel<>(new Document("_id", 2))));

        // then
        assertThat(read()).isEqualTo(1);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aStampLostWithItsDocumentAndCountedUpAgainIsNotTakenForTheOldOne() {
        // given a read at count 1 of the first epoch
        stamps.bump("things");
        read();
        ViewStamps.Stamp before = stamps.current("things");

        // when the stamps are lost and counted up to the same count again
        mongo.getCollection(ViewStamps.COLLECTION).drop();
        stamps.bump("things");

        // then
        assertThat(stamps.current("things").count()).isEqualTo(before.count());
        assertThat(stamps.current("things")).isNotEqualTo(before);
        read();
        assertThat(loads).hasValue(2);
    }
}
