package io.duban.deploy.mongo;

import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

/**
 * A collection of the embedded server that narrows any query naming {@code _id} (a value, or {@code $in} of values)
 * to the documents with that id through the {@code _id} index, then applies the whole query to them.
 * <p>
 * Why: mongo-java-server uses an index only when the query's keys are exactly the index's keys, so the views'
 * versioned writes ({@code {_id: x, lastSequence: {$lt: n}}}, see io.duban.query.view.VersionedWrites) and the
 * outbox's claims scanned the whole collection — every projected event cost O(collection size), and a rebuild
 * O(n²). MongoDB itself serves such a query from the {@code _id} index; this gives the embedded default the same
 * plan, and the same results, since the full query is still matched on every candidate.
 */
final class IdFirstH2Collection extends H2Collection {

    private static final String ID = "_id";
    /** At DEBUG, every query that reads the whole collection: what to look for when a node is busy for no reason. */
    private static final org.slf4j.Logger scans = org.slf4j.LoggerFactory.getLogger(IdFirstH2Collection.class);

    /** Set while this thread updates documents: what the server then changes in place must be a copy. */
    private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final MVMap<Object, Document> data;

    IdFirstH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.data = dataMap;
    }

    /*
     * Updates work on copies. The server changes the document it found in place and puts it back; the instance it
     * found is the one the map's pages hold, and H2 serializes the pages of the last commit on a thread of its own
     * while other commands go on. An update changing that instance meanwhile made the serializer fail
     * (ConcurrentModificationException, the store closed: bench --quick, the scale rebuild) or could have written a
     * document half old, half new. A copy leaves the committed instance as it was; the copy is what is put back.
     */

    @Override
    public Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                    boolean isMulti, boolean isUpsert, Oplog oplog) {
        return updating(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public Document findAndModify(Document query) {
        return updating(() -> super.findAndModify(query));
    }

    private static Document updating(Supplier<Document> update) {
        boolean outer = !UPDATING.get();
        UPDATING.set(Boolean.TRUE);
        try {
            return update.get();
        } finally {
            if (outer) {
                UPDATING.set(Boolean.FALSE);
            }
        }
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored != null && UPDATING.get() ? stored.cloneDeeply() : stored;
    }

    /**
     * A scan during an update (a filter without {@code _id}; none of the views' writes) copies what it reads. An update
     * sorted by {@code $natural}, which Duban never sends, takes the stock path uncopied.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (!UPDATING.get() || isNaturalOrder(orderBy)) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocumentsFromStream(data.values().stream().map(Document::cloneDeeply), query, orderBy,
                numberToSkip, limit, batchSize, fieldSelector);
    }

    private static boolean isNaturalOrder(Document orderBy) {
        return orderBy != null && orderBy.containsKey("$natural");
    }

    /**
     * No running total of the collection's size: the server keeps it by encoding the old and the new document to BSON
     * on every update (and each document inserted or deleted), a fifth of the time an update of a view document took
     * (JFR, the bench's write phase), for a figure only {@code collStats}/{@code dbStats} report and Duban never asks.
     * Those now report the total as it stood (0 for a new file).
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Object idCriterion = idCriterion(query);
        if (idCriterion != null && !(query.size() == 1 && query.containsKey(ID))) {
            Index<Object> idIndex = idIndex();
            Document byId = new Document(ID, idCriterion);
            if (idIndex != null && idIndex.canHandle(byId)) {
                // the candidates have those ids: matching {_id: {$in: [n ids]}} again cost n² comparisons
                return matchDocuments(withoutIdCriterion(query), idIndex.getPositions(byId), orderBy, numberToSkip,
                        limit, batchSize, fieldSelector);
            }
        }
        if (scans.isDebugEnabled() && (idCriterion == null || !servedById(idCriterion))) {
            scans.debug("scan of {} ({} documents) for {} order {}", getCollectionName(), count(), query.keySet(),
                    orderBy == null ? "-" : orderBy.keySet());
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The {@code _id} criterion of a query, at its top level or in a top-level {@code $and} (the Java driver renders
     * {@code Filters.and(eq("_id", x), ...)} as {@code {$and: [{_id: x}, ...]}}); null when it has none usable.
     */
    private static Object idCriterion(Document query) {
        if (isIdLookup(query.get(ID))) {
            return query.get(ID);
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document d && d.size() == 1 && isIdLookup(d.get(ID))) {
                    return d.get(ID);
                }
            }
        }
        return null;
    }

    /** The query less the {@code _id} criterion {@link #idCriterion} found (at the top level or in the top-level $and). */
    private static Document withoutIdCriterion(Document query) {
        Document rest = new Document(query);
        if (isIdLookup(rest.get(ID))) {
            rest.remove(ID);
            return rest;
        }
        if (rest.get("$and") instanceof List<?> clauses) {
            List<Object> others = new java.util.ArrayList<>(clauses);
            for (int i = 0; i < others.size(); i++) {
                if (others.get(i) instanceof Document d && d.size() == 1 && isIdLookup(d.get(ID))) {
                    others.remove(i);
                    break;
                }
            }
            if (others.isEmpty()) {
                rest.remove("$and");
            } else {
                rest.put("$and", others);
            }
        }
        return rest;
    }

    /** A plain value or {@code {$in: [...]}}: what the unique index can answer. */
    private static boolean isIdLookup(Object criterion) {
        if (criterion == null) {
            return false;
        }
        if (criterion instanceof Document d) {
            return d.size() == 1 && d.get("$in") instanceof List<?>;
        }
        return true;
    }

    private boolean servedById(Object idCriterion) {
        Index<Object> idIndex = idIndex();
        return idIndex != null && idIndex.canHandle(new Document(ID, idCriterion));
    }

    private Index<Object> idIndex() {
        for (Index<Object> index : getIndexes()) {
            if (index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey())) {
                return index;
            }
        }
        return null;
    }
}
