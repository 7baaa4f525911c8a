package io.duban.deploy.mongo;

import java.time.Clock;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with two changes that keep its file format (a data file written by either opens in
 * both): collections look a document up by {@code _id} first ({@link IdFirstH2Collection}), and unique indexes
 * compare keys without re-serializing them ({@link SerializedKeyOrder}).
 */
class IdFirstH2Backend extends H2Backend {

    // The map names H2Database uses (package-private there); the file format depends on them.
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";

    /** One per store: its cache of serialized keys is shared by every index. */
    private final SerializedKeyOrder keyOrder = new SerializedKeyOrder();

    IdFirstH2Backend(MVStore store, Clock clock) {
        super(store, clock);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database opens its existing collections from its constructor, before a subclass's
     * own fields are assigned, while the enclosing backend (and its store) is already reachable.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(keyOrder));
            return new SerializedKeyUniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(DATA_PREFIX + fullName);
            MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + fullName);
            return new IdFirstH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }
}
