package io.duban.harness.mongo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

import io.duban.deploy.mongo.EmbeddedMongoServer;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar duban-harness.jar mongo-server [--port=27017] [--file=./data/views-standalone.mv]}: the embedded
 * MongoDB-wire server ({@link EmbeddedMongoServer}, H2 backend in one file) as a process of its own, bound to
 * 127.0.0.1, without Spring. Application nodes reach it with {@code MONGODB_URI=mongodb://127.0.0.1:<port>/duban}.
 * SIGTERM (or Ctrl-C) closes it cleanly: the server stops accepting clients and the backend file is written out.
 * Meant for drills and trials on one machine; production runs a MongoDB replica set.
 */
public final class MongoServerCli {

    static final String USAGE = "usage: mongo-server [--port=27017 (0 = any free port)] "
            + "[--file=./data/views-standalone.mv]";

    /** Parsed command line. */
    record Options(int port, Path file) {

        static Options parse(String[] args) {
            int port = 27017;
            Path file = Path.of("./data/views-standalone.mv");
            for (String arg : args) {
                if (arg.startsWith("--port=")) {
                    try {
                        port = Integer.parseInt(arg.substring("--port=".length()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be a number: " + arg);
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port must be 0..65535: " + arg);
                    }
                } else if (arg.startsWith("--file=") && arg.length() > "--file=".length()) {
                    file = Path.of(arg.substring("--file=".length()));
                } else {
                    throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return new Options(port, file);
        }
    }

    private MongoServerCli() {
    }

    /**
     * Starts the server and blocks until the JVM shuts down (SIGTERM, Ctrl-C); the shutdown hook closes it.
     * Returns 2 on a usage error and 1 when the server cannot start.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("mongo-server: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        quietLogging();
        EmbeddedMongoServer server;
        try {
            server = EmbeddedMongoServer.start(options.file(), options.port(), Clock.systemUTC());
        } catch (RuntimeException e) {
            err.println("mongo-server: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("mongo-server stopped, data in " + server.file());
            out.flush();
            stopped.countDown();
        }, "mongo-server-shutdown"));
        out.println("mongo-server listening on " + server.host() + ":" + server.port() + " (data in " + server.file()
                + "); MONGODB_URI=mongodb://" + server.host() + ":" + server.port() + "/duban");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Without Spring Boot's logging set-up Logback would print every DEBUG line of Netty and the driver. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
        if (LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase")
                instanceof ch.qos.logback.classic.Logger indexes) {
            // no secondary indexes on this server: one line per index the views declare (see application.yml)
            indexes.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
