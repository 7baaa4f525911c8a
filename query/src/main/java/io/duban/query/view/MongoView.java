package io.duban.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The common part of a projection that keeps one MongoDB collection: its names, its {@link ViewWriter}, its indexes
 * and its {@code @ResetHandler}. A subclass keeps only its event handlers and {@link #indexes()}.
 * <p>
 * The processing group is read from the subclass's {@link ProcessingGroup} annotation (the one Axon uses), so it is
 * named once; the view's short name is its collection's name. Axon inspects the whole class hierarchy for handlers,
 * so the inherited {@link #reset()} is the view's reset handler.
 */
public abstract class MongoView implements ProjectedView {

    private final MongoTemplate mongo;
    private final String collectionName;
    private final String processingGroup;
    private final ViewWriter writer;
    /** Where the projection writes: the live collection, or its shadow while the view is being rebuilt. */
    private volatile String writeTarget;

    protected MongoView(MongoTemplate mongo, String collectionName) {
        this.mongo = mongo;
        this.collectionName = collectionName;
        this.writeTarget = collectionName;
        this.processingGroup = processingGroupOf(getClass());
        ViewStamps stamps = new ViewStamps(mongo);
        this.writer = new ViewWriter(collectionName, this::collection, () -> stamps.bump(collectionName));
    }

    private static String processingGroupOf(Class<?> type) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(type.getName() + " must be annotated with @ProcessingGroup");
        }
        return group.value();
    }

    /** The secondary indexes production MongoDB needs for the view's queries (none: an empty list). */
    protected abstract List<Bson> indexes();

    /** Called by {@link #reset()} before the collection is dropped: forget what the projection keeps in memory. */
    protected void beforeReset() {
    }

    /**
     * Drops the collection and declares its indexes again; Axon calls it before a replay. Only a collection that exists
     * is dropped: the embedded MongoDB-wire server answers a drop of a missing one (a rebuild's fresh shadow) with
     * "ns not found" and logs that as an ERROR with its stack trace, although the driver ignores the answer.
     */
    @ResetHandler
    public void reset() {
        beforeReset();
        if (mongo.collectionExists(writeTarget)) {
            collection().drop();
        }
        createIndexes();
        new ViewStamps(mongo).bump(collectionName);
    }

    @Override
    public final void createIndexes() {
        indexes().forEach(collection()::createIndex);
    }

    /** Sends writes through the view's {@link ViewWriter} (batched inside a unit of work). */
    protected void write(List<? extends WriteModel<Document>> writes) {
        writer.write(writes);
    }

    /** Writes worked out once, when the batch is flushed ({@link ViewWriter#writeAtFlush}). */
    protected void writeAtFlush(java.util.function.Supplier<List<? extends WriteModel<Document>>> writes) {
        writer.writeAtFlush(writes);
    }

    /** The collection the projection writes to and reads its own earlier documents from. */
    protected MongoCollection<Document> collection() {
        return mongo.getCollection(writeTarget);
    }

    @Override
    public void redirectWrites(String collection) {
        this.writeTarget = collection;
    }

    @Override
    public String writeTarget() {
        return writeTarget;
    }

    @Override
    public Set<Class<?>> projectedEventTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        ReflectionUtils.doWithMethods(ClassUtils.getUserClass(getClass()), method -> {
            if (AnnotatedElementUtils.hasAnnotation(method, EventHandler.class) && method.getParameterCount() > 0) {
                types.add(method.getParameterTypes()[0]);
            }
        });
        return types;
    }

    @Override
    public String viewName() {
        return collectionName;
    }

    @Override
    public String processingGroup() {
        return processingGroup;
    }

    @Override
    public String collectionName() {
        return collectionName;
    }
}
