package io.duban.deploy.mongo;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's backend ({@link IdFirstH2Backend}), writing its MVStore out after every command that may change data, before the
 * answer goes back. The stock backend leaves that to the MVStore's background writer (every second): a process killed
 * with SIGKILL lost the view writes of its last second while the processors' tokens, in the event store's database,
 * had already moved past those events, so the views stayed behind the store for good (drills kill9 and
 * mongo-outage). Now an acknowledged write is in the file (the OS's cache; a power cut is another matter, which is
 * what a real MongoDB with journaling is for).
 */
final class CommittingH2Backend extends IdFirstH2Backend {

    /** Commands that never change data: answered without a commit. */
    private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct", "ping", "hello",
            "ismaster", "buildinfo", "listcollections", "listindexes", "listdatabases", "killcursors", "endsessions",
            "getlasterror", "serverstatus", "dbstats", "collstats", "whatsmyuri", "getparameter", "connectionstatus",
            "getlog", "hostinfo", "currentop", "getcmdlineopts", "getfreemonitoringstatus");

    /**
     * The fill rate (live share of the file's chunks) below which the MVStore's background writer rewrites chunks.
     * H2's default, 90 %, suits a store whose values are small; the views' values are documents of up to a few hundred
     * KiB (the units' digests) rewritten whole on every change, so at 90 % the writer was rewriting chunks all the time,
     * deserializing and serializing every document in them again: a third of all the allocation of a node serving the
     * console at 10,000 commitments (JFR on the bench), and the full collections that came with it. At 50 % the file
     * may grow to twice its live data, views that can be rebuilt at any time.
     */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

    /** {@code cacheMib}: the MVStore's page cache (H2's default is 16), see {@link EmbeddedMongoProperties}. */
    CommittingH2Backend(String fileName, int cacheMib, Clock clock) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(cacheMib)
                .autoCompactFillRate(COMPACT_BELOW_FILL_PERCENT).open(), clock);
    }

    /**
     * The server drops a rename's target and then moves the source, two steps that other connections could see
     * apart: a read between them found the live view empty while a rebuild swapped it in. MongoDB takes an exclusive
     * lock for a rename; so does this backend (every other command shares the lock).
     */
    private final ReadWriteLock renames = new ReentrantReadWriteLock();

    /** Every command of the driver (OP_MSG: MongoDB 3.6+ drivers, Duban's 5.x included) comes through here. */
    @Override
    public Document handleMessage(MongoMessage message) {
        String command = message.getDocument().keySet().stream().findFirst().orElse("").toLowerCase(Locale.ROOT);
        Lock lock = command.equals("renamecollection") ? renames.writeLock() : renames.readLock();
        lock.lock();
        try {
            return super.handleMessage(message);
        } finally {
            try {
                if (!READ_ONLY.contains(command) && !getMvStore().isClosed()) {
                    commit(); // also after a failed command: an ordered bulk write may have applied its first writes
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
