package io.duban.query.view;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * Writes guarded by the aggregate sequence number stored in each document ({@value #LAST_SEQUENCE}): an event is
 * applied only to a document that has not yet seen its sequence, so a duplicate or an older event changes nothing.
 * MongoDB (and the embedded wire server, which has no transactions) applies each single-document update atomically,
 * which is all this needs.
 */
public final class VersionedWrites {

    public static final String ID = "_id";
    public static final String LAST_SEQUENCE = "lastSequence";

    private VersionedWrites() {
    }

    /**
     * Creates the document when missing (as a stub that has seen no event), then sets the given fields if the
     * document has not seen {@code sequence} yet. Two updates because an upsert whose filter also checks the
     * sequence would try to insert a second document with the same id when the check fails.
     */
    public static List<WriteModel<Document>> upsert(String id, long sequence, Document fields) {
        return createOrUpdate(id, sequence, new Document("$set", fields));
    }

    /** As {@link #upsert(String, long, Document)}, with update operators ({@code $set}, {@code $push}…) instead of fields. */
    public static List<WriteModel<Document>> createOrUpdate(String id, long sequence, Document operators) {
        return List.of(
                new UpdateOneModel<>(Filters.eq(ID, id),
                        new Document("$setOnInsert", new Document(LAST_SEQUENCE, -1L)),
                        new UpdateOptions().upsert(true)),
                update(id, sequence, operators));
    }

    /**
     * Applies the update operators to a document that has not seen {@code sequence} yet <em>and</em> matches
     * {@code condition}, without recording the sequence: for a change that depends on the document's own state (say,
     * a nested document that may be null). Put it before the {@link #update} of the same event in one ordered write;
     * that update then records the sequence, so a repeated event finds neither write applicable.
     */
    public static WriteModel<Document> updateIf(String id, long sequence, Bson condition, Document operators) {
        return new UpdateOneModel<>(Filters.and(Filters.eq(ID, id), Filters.lt(LAST_SEQUENCE, sequence), condition),
                operators);
    }

    /** Applies the update operators to an existing document that has not seen {@code sequence} yet. */
    public static WriteModel<Document> update(String id, long sequence, Document operators) {
        return update(id, sequence, operators, List.of());
    }

    /** As {@link #update(String, long, Document)}, with array filters for {@code $[name]} paths. */
    public static WriteModel<Document> update(String id, long sequence, Document operators, List<Bson> arrayFilters) {
        Document update = new Document(operators);
        Document set = new Document(update.get("$set", new Document()));
        set.append(LAST_SEQUENCE, sequence);
        update.put("$set", set);
        UpdateOptions options = new UpdateOptions();
        if (!arrayFilters.isEmpty()) {
            options.arrayFilters(arrayFilters);
        }
        return new UpdateOneModel<>(Filters.and(Filters.eq(ID, id), Filters.lt(LAST_SEQUENCE, sequence)), update, options);
    }

    /**
     * Replaces the whole document with {@code document} if it has not seen {@code sequence} yet, creating it first
     * when missing (as {@link #createOrUpdate}); the new document records the sequence.
     */
    public static List<WriteModel<Document>> replace(String id, long sequence, Document document) {
        Document replacement = new Document(document).append(ID, id).append(LAST_SEQUENCE, sequence);
        return List.of(
                new UpdateOneModel<>(Filters.eq(ID, id),
                        new Document("$setOnInsert", new Document(LAST_SEQUENCE, -1L)),
                        new UpdateOptions().upsert(true)),
                new ReplaceOneModel<>(Filters.and(Filters.eq(ID, id), Filters.lt(LAST_SEQUENCE, sequence)), replacement));
    }
}
