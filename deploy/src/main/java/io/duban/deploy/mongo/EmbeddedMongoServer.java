package io.duban.deploy.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running mongo-java-server with its H2 (MVStore) backend in one file, bound to 127.0.0.1 only.
 * {@link #close()} stops the server and closes the backend, which writes the MVStore out so the data survives a
 * restart.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    static final String HOST = "127.0.0.1";

    private final Path file;
    private final MongoServer server;
    private final InetSocketAddress address;
    private boolean closed;

    private EmbeddedMongoServer(Path file, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.server = server;
        this.address = address;
    }

    /** Opens (or creates) the backend file, creating its directory if missing, and binds the server. */
    public static EmbeddedMongoServer start(Path file, int port, Clock clock) {
        return start(file, port, EmbeddedMongoProperties.DEFAULT_CACHE_MIB, clock);
    }

    /** As {@link #start(Path, int, Clock)}, with a page cache of {@code cacheMib} MiB. */
    public static EmbeddedMongoServer start(Path file, int port, int cacheMib, Clock clock) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for " + absolute, e);
        }
        H2Backend backend = new CommittingH2Backend(absolute.toString(), cacheMib, clock);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("Cannot start the embedded MongoDB server on " + HOST + ":" + port, e);
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB server listening on {}:{} (data in {})", HOST, address.getPort(), absolute);
        return new EmbeddedMongoServer(absolute, server, address);
    }

    public int port() {
        return address.getPort();
    }

    public String host() {
        return HOST;
    }

    public Path file() {
        return file;
    }

    /** Stops accepting clients, shuts the server down and closes the backend (flushing the MVStore file). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        log.info("Embedded MongoDB server on port {} stopped, data in {}", address.getPort(), file);
    }
}
