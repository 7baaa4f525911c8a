package io.duban.query.rebuild;

import io.duban.query.view.ProjectedView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Start-up check that a view still has the documents its processor's token says were written. Views live in
 * another store than the tokens (MongoDB against the event store's database), so a view file lost, replaced or
 * emptied — or a swap that a crashed server did not persist — leaves a token at the head over an empty collection,
 * and nothing would ever re-project it. A view whose collection is missing or empty while every segment's token is
 * past the first event the view projects is rebuilt at once, with a WARN saying why.
 */
@Component
public class LostViewRecovery {

    private static final Logger log = LoggerFactory.getLogger(LostViewRecovery.class);

    private final List<ProjectedView> views;
    private final EventProcessingConfiguration processing;
    private final MongoTemplate mongo;
    private final StoredEventTypes storedEvents;
    private final ViewRebuilder rebuilder;

    public LostViewRecovery(List<ProjectedView> views, EventProcessingConfiguration processing, MongoTemplate mongo,
                            StoredEventTypes storedEvents, ViewRebuilder rebuilder) {
        this.views = views;
        this.processing = processing;
        this.mongo = mongo;
        this.storedEvents = storedEvents;
        this.rebuilder = rebuilder;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        recover();
    }

    /** Rebuilds every lost or outdated view; returns their names. */
    public List<String> recover() {
        List<String> lost = new ArrayList<>();
        for (ProjectedView view : views) {
            // the token first: its batch's documents were written before it was stored, so they are visible now
            OptionalLong processed = processedUpTo(view.processingGroup());
            if (processed.isEmpty()) {
                continue; // never ran: its replay will write the documents
            }
            if (hasDocuments(view)) {
                if (view.outdated()) {
                    log.warn("View {} in collection {} was written by an earlier version of its projection; "
                            + "rebuilding it from the event store", view.viewName(), view.collectionName());
                    lost.add(view.viewName());
                }
                continue;
            }
            List<String> types = view.projectedEventTypes().stream().map(Class::getName).toList();
            OptionalLong first = storedEvents.firstPosition(types);
            if (first.isPresent() && processed.getAsLong() >= first.getAsLong()) {
                log.warn("View {} has no documents in collection {} although its processor {} is at event {} and "
                                + "the first event it projects is event {}: the view was lost (its file replaced, "
                                + "emptied or not written before a crash); rebuilding it from the event store",
                        view.viewName(), view.collectionName(), view.processingGroup(), processed.getAsLong(),
                        first.getAsLong());
                lost.add(view.viewName());
            }
        }
        lost.forEach(rebuilder::rebuild);
        return lost;
    }

    private boolean hasDocuments(ProjectedView view) {
        // find().first() stops at the first document; counting would scan the whole collection on the embedded server
        return mongo.collectionExists(view.collectionName())
                && mongo.getCollection(view.collectionName()).find().first() != null;
    }

    /** The lowest position over the processor's segments; empty when a segment has no token yet. */
    private OptionalLong processedUpTo(String processorName) {
        TokenStore tokens = processing.tokenStore(processorName);
        return processing.transactionManager(processorName).fetchInTransaction(() -> {
            int[] segments = tokens.fetchSegments(processorName);
            if (segments.length == 0) {
                return OptionalLong.empty();
            }
            long lowest = Long.MAX_VALUE;
            for (int segment : segments) {
                TrackingToken token = tokens.fetchToken(processorName, segment);
                OptionalLong position = token == null ? OptionalLong.empty() : token.position();
                if (position.isEmpty()) {
                    return OptionalLong.empty();
                }
                lowest = Math.min(lowest, position.getAsLong());
            }
            return OptionalLong.of(lowest);
        });
    }
}
