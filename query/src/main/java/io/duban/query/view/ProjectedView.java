package io.duban.query.view;

import java.util.Set;

/**
 * A MongoDB view built by one projection, in its own processing group. The rebuilder and the start-up index creation
 * find every view through this interface.
 */
public interface ProjectedView {

    /** Short name used by the admin API, e.g. {@code commitments}. */
    String viewName();

    /** The Axon processing group (and processor name) that feeds the view. */
    String processingGroup();

    /** The MongoDB collection holding the view. */
    String collectionName();

    /**
     * Declares the secondary indexes production MongoDB needs for the view's queries. The embedded wire server
     * ignores them (it has no secondary indexes), so the view must stay correct without them.
     */
    void createIndexes();

    /**
     * Sends the projection's writes (and its reads of its own documents) to another collection: a rebuild replays into
     * a shadow collection while readers keep the live one, then swaps them.
     */
    void redirectWrites(String collectionName);

    /** The collection the projection currently writes to. */
    String writeTarget();

    /** The event types the view's projection handles: a store holding one of them means the view has documents. */
    Set<Class<?>> projectedEventTypes();

    /**
     * The stored documents are of an older shape than the projection writes now (found at start-up; a rebuild brings
     * them up). Only a view whose shape grew without a new name says so.
     */
    default boolean outdated() {
        return false;
    }
}
