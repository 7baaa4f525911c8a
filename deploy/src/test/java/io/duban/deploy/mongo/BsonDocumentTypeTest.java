package io.duban.deploy.mongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void aViewDocumentIsStoredAsBsonAndReadBackEqual() {
        // given a document with the kinds of values the views write
        Document document = new Document("_id", "nzf-2023-1:31:czt")
                .append("progress", 80)
                .append("lastSequence", 12L)
                .append("share", 0.25)
                .append("open", true)
                .append("note", null)
                .append("reportedAt", Instant.parse("2026-12-04T01:02:03.456Z"))
                .append("oid", new ObjectId())
                .append("milestones", List.of(new Document("id", "m1").append("due", "2027-06-30"),
                        new Document("id", "m2").append("completed", false)))
                .append("actor", new Document("userId", "demo-czt-wang").append("name", "王五"));

        // when it is written and read
        ByteBuffer stored = written(document);

        // then it was stored as BSON, and reads back equal, the buffer at the value's end
        assertThat(stored.get(0)).isEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(stored)).isEqualTo(document);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void aDocumentWrittenByH2sObjectTypeIsReadAsItWasWritten() {
        // given a value from a file written before, by H2's default type (Java serialization)
        Document document = new Document("_id", "u1").append("n", 7).append("tags", List.of("a", "b"));
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        ByteBuffer stored = buffer.getBuffer().flip();

        // when read, then it is the document
        assertThat(type.read(stored)).isEqualTo(document);
    }

    @Test
    void aValueBsonCannotHoldIsStoredAsBeforeAndReadBack() {
        // given a document holding a Java type with no BSON counterpart
        Document document = new Document("_id", "x").append("ratio", 1.5f);

        // when it is written and read, then it went through H2's object type and came back equal
        ByteBuffer stored = written(document);
        assertThat(stored.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(stored)).isEqualTo(document);
    }

    @Test
    void twoValuesInARowReadBackOneAfterTheOther() {
        Document first = new Document("_id", "a").append("n", 1);
        Document second = new Document("_id", "b").append("n", 2);
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, first);
        type.write(buffer, second);
        ByteBuffer stored = buffer.getBuffer().flip();

        assertThat(type.read(stored)).isEqualTo(first);
        assertThat(type.read(stored)).isEqualTo(second);
    }

    private ByteBuffer written(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        return buffer.getBuffer().flip();
    }
}
