package io.duban.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.UUID;

/**
 * A counter per view in the {@value #COLLECTION} collection, moved on after every write to the view, its reset and
 * its rebuild's swap: a reader that keeps what it read of a view ({@link StampedCache}) asks for the stamp (one
 * small read by {@code _id}) and reads the view again only when the stamp moved. Stored beside the views, so every
 * node of a cluster sees the same stamp. A stamp moves after the write it follows: a reader may read the new data
 * under the old stamp, and then reads again at the next stamp; it never keeps old data under a new stamp.
 */
public final class ViewStamps {

    public static final String COLLECTION = "view_stamps";

    private final MongoTemplate mongo;

    public ViewStamps(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A view's stamp: a count of its writes, and the epoch its stamp document was created in, so that a stamp lost
     * with its views file and counted up again from zero is never taken for the old one.
     */
    public record Stamp(String epoch, long count) {

        static final Stamp NONE = new Stamp("", 0);
    }

    /** The view's stamp now ({@link Stamp#NONE} before its first write). */
    public Stamp current(String view) {
        Document stamp = stamps().find(Filters.eq("_id", view)).first();
        return stamp == null ? Stamp.NONE
                : new Stamp(String.valueOf(stamp.get("epoch")), ((Number) stamp.get("stamp")).longValue());
    }

    /** Moves the view's stamp on. */
    public void bump(String view) {
        stamps().updateOne(Filters.eq("_id", view), Updates.combine(Updates.inc("stamp", 1L),
                Updates.setOnInsert("epoch", UUID.randomUUID().toString())), new UpdateOptions().upsert(true));
    }

    private MongoCollection<Document> stamps() {
        return mongo.getCollection(COLLECTION);
    }
}
