package io.duban.query.view;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a reader read of a view, kept while the view's {@link ViewStamps stamp} stays where it was: the pages that
 * ask every commitment's figures on each view read them from memory until the view changes, instead of reading
 * thousands of documents again (on the embedded server, under load, even a few dozen large documents took 100+ ms).
 * Holds the answers to the last few distinct keys; the values must be immutable.
 */
public final class StampedCache<K, V> {

    private static final Logger log = LoggerFactory.getLogger(StampedCache.class);

    private final ViewStamps stamps;
    private final String view;
    private final Map<K, Entry<V>> entries;

    private record Entry<V>(ViewStamps.Stamp stamp, V value) {
    }

    public StampedCache(ViewStamps stamps, String view, int capacity) {
        this.stamps = stamps;
        this.view = view;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value for {@code key} at the view's current stamp, loaded when there is none or the stamp moved. */
    public V get(K key, Supplier<V> load) {
        ViewStamps.Stamp stamp = stamps.current(view);
        synchronized (entries) {
            Entry<V> kept = entries.get(key);
            if (kept != null && kept.stamp().equals(stamp)) {
                return kept.value();
            }
        }
        long started = System.nanoTime();
        V value = load.get(); // outside the lock: two readers may both load; either result is right for the stamp
        log.debug("{} read again at stamp {} in {} ms", view, stamp, (System.nanoTime() - started) / 1_000_000);
        synchronized (entries) {
            entries.put(key, new Entry<>(stamp, value));
        }
        return value;
    }
}
