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
 * mongo-java-server's H2 backend with four changes: collections look a document up by {@code _id} first
 * ({@link IdFirstH2Collection}), unique indexes compare keys without re-serializing them ({@link SerializedKeyOrder}),
 * a renamed collection takes its data, metadata and index maps along in the file ({@link Database#moveCollection}),
 * and documents are stored as BSON ({@link BsonDocumentType}). A data file written by the stock backend opens here
 * (its documents are read as they were written, and rewritten as BSON); the stock backend cannot read a document
 * stored as BSON.
 */
class IdFirstH2Backend extends H2Backend {

    // The map names H2Database uses (package-private there); the file format depends on them.
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";

    /** One per store: its cache of serialized keys is shared by every index. */
    private final SerializedKeyOrder keyOrder = new SerializedKeyOrder();
    /**
     * The documents' values as BSON. Static, unlike {@link #keyOrder}: the stock backend's constructor opens the
     * existing collections' data maps before this class's fields are assigned, and a map opened there without the
     * type would read BSON with H2's object type.
     */
    private static final BsonDocumentType DOCUMENTS = new BsonDocumentType();

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

        /**
         * Stock {@code H2Database.moveCollection} (1.47) reads the collection's name after the in-memory rename, so it
         * "renames" a freshly opened empty map of the new name onto itself; the data, metadata and index maps keep
         * the old name in the file. The running server still answers from the right maps, but after a restart the
         * new name opens empty maps: every view swapped in by a rebuild was empty after the next start (issue 11,
         * item 1). Here the maps are renamed for real, under the names a restart opens.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String oldFullName = collection.getFullName();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            String newFullName = collection.getFullName();
            MVStore store = getMvStore();
            for (String prefix : List.of(DATA_PREFIX, META_PREFIX)) {
                renameMap(store, prefix + oldFullName, prefix + newFullName);
            }
            String oldIndexPrefix = oldFullName + INDEX_INFIX;
            for (String name : List.copyOf(store.getMapNames())) {
                if (name.startsWith(oldIndexPrefix)) {
                    renameMap(store, name, newFullName + INDEX_INFIX + name.substring(oldIndexPrefix.length()));
                }
            }
            store.commit(); // one step in the file: the namespaces entry and the maps under their new names
        }

        /** Renames {@code from} to {@code to}, replacing what the stock code left under {@code to} (an empty map). */
        private static void renameMap(MVStore store, String from, String to) {
            if (!store.hasMap(from)) {
                return;
            }
            if (store.hasMap(to)) {
                store.removeMap(to);
            }
            store.renameMap(store.openMap(from), to);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(DATA_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
            MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + fullName);
            return new IdFirstH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }
}
