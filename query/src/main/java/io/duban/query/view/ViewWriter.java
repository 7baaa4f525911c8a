package io.duban.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends a view's writes to MongoDB. Inside an Axon unit of work (a tracking processor's batch) the writes are
 * collected and sent as one ordered {@code bulkWrite} when the batch prepares to commit, i.e. before the processor's
 * token transaction commits: a failed write rolls the batch back and the events are handled again. Outside a unit of
 * work (plain-object tests, tools) every call writes at once.
 * <p>
 * Every write must be idempotent on its own (see {@link VersionedWrites}): MongoDB and the token store share no
 * transaction, so a batch can be written twice.
 */
public final class ViewWriter {

    private final Supplier<MongoCollection<Document>> collection;
    private final String resourceKey;
    private final Runnable afterFlush;

    /** A writer of the named collection that moves the view's {@link ViewStamps stamp} after each write. */
    public ViewWriter(MongoTemplate mongo, String collectionName) {
        this(collectionName, () -> mongo.getCollection(collectionName),
                () -> new ViewStamps(mongo).bump(collectionName));
    }

    /**
     * @param viewName   names the pending batch of this view within a unit of work
     * @param collection where a batch goes when it is flushed: a view being rebuilt writes to its shadow collection
     * @param afterFlush runs after each write sent (the view's {@link ViewStamps stamp} moves on)
     */
    public ViewWriter(String viewName, Supplier<MongoCollection<Document>> collection, Runnable afterFlush) {
        this.collection = collection;
        this.resourceKey = ViewWriter.class.getName() + "." + viewName;
        this.afterFlush = afterFlush;
    }

    public void write(List<? extends WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            pendingIn(CurrentUnitOfWork.get().root()).writes.addAll(writes);
        } else {
            flush(new ArrayList<>(writes));
        }
    }

    /**
     * Writes worked out when the batch is flushed, after every write made before: a view that coalesces a batch's
     * changes to one document into one write hands over its pending state once per batch. Outside a unit of work the
     * writes are worked out and sent at once.
     */
    public void writeAtFlush(Supplier<List<? extends WriteModel<Document>>> writes) {
        if (CurrentUnitOfWork.isStarted()) {
            pendingIn(CurrentUnitOfWork.get().root()).late.add(writes);
        } else {
            flush(new ArrayList<>(writes.get()));
        }
    }

    /** A batch's writes so far, and those it works out at the end. */
    private static final class Pending {
        private final List<WriteModel<Document>> writes = new ArrayList<>();
        private final List<Supplier<List<? extends WriteModel<Document>>>> late = new ArrayList<>();

        List<WriteModel<Document>> all() {
            List<WriteModel<Document>> all = new ArrayList<>(writes);
            late.forEach(supplier -> all.addAll(supplier.get()));
            return all;
        }
    }

    private Pending pendingIn(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Pending pending = new Pending();
            unitOfWork.onPrepareCommit(committing -> flush(pending.all()));
            return pending;
        });
    }

    private void flush(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.get().bulkWrite(writes, new BulkWriteOptions().ordered(true));
            afterFlush.run();
        }
    }
}
