package io.duban.deploy.mongo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's unique indexes: the same order and the same stored bytes as H2's
 * {@link ObjectDataType} (which mongo-java-server's H2 backend uses), computed without serializing both keys on every
 * comparison.
 * <p>
 * Why: mongo-java-server's {@code KeyValue} is not {@link Comparable}, so H2 orders index keys by their Java
 * serialization and, for each comparison of a binary search, serialized both keys afresh — a new
 * {@code ObjectOutputStream} per key. Profiling the view rebuild showed ~70% of the wire server's CPU there. The
 * serialized form of a key never changes, so it is remembered (a bounded cache, emptied when full); the order, and
 * therefore every existing data file, stays the same.
 */
final class SerializedKeyOrder extends ObjectDataType {

    private static final int MAX_CACHED_KEYS = 50_000;

    private final ConcurrentMap<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
            return a == b ? 0 : compareNotNull(bytes(ka), bytes(kb));
        }
        return super.compare(a, b);
    }

    private byte[] bytes(KeyValue key) {
        byte[] bytes = serialized.get(key);
        if (bytes == null) {
            if (serialized.size() >= MAX_CACHED_KEYS) {
                serialized.clear();
            }
            bytes = serialize(key);
            serialized.put(key, bytes);
        }
        return bytes;
    }
}
