package io.duban.harness.drill;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.deploy.mongo.EmbeddedMongoServer;

/** Waiting and witnessing shared by the process drills. */
final class DrillSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The view processors (query module), which the token checks concentrate on. */
    static final Predicate<String> VIEW_PROCESSORS = name -> name.endsWith("-view");

    private DrillSupport() {
    }

    /**
     * The drill's own process has no Spring Boot logging set-up: without this, Logback prints every line of the
     * MongoDB driver and of a MongoDB-wire server opened to read a views file. The children log to their files.
     */
    static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (org.slf4j.LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.AbstractMongoDatabase")
                instanceof ch.qos.logback.classic.Logger indexes) {
            indexes.setLevel(ch.qos.logback.classic.Level.ERROR); // "secondary index … not yet implemented"
        }
    }

    /** The unit id of a unit, by name, from {@code GET /api/units} (the units view fills shortly after start-up). */
    static String unitId(DrillHttp http, String unitName, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DrillHttp.Answer units = http.get("inspector", "/api/units");
            if (units.status() == 200) {
                try {
                    for (JsonNode unit : JSON.readTree(units.body())) {
                        if (unitName.equals(unit.path("name").asText())) {
                            return unit.path("unitId").asText();
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable /api/units: " + units, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("unit " + unitName + " not listed after " + timeout + ": " + units);
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until {@code GET /api/admin/views} on a single node says every view is up to date; returns the seconds
     * waited, or -1 after the timeout.
     */
    static double awaitViewsUpToDate(DrillHttp http, Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (true) {
            DrillHttp.Answer views = http.get("office", "/api/admin/views");
            if (views.status() == 200) {
                try {
                    JsonNode list = JSON.readTree(views.body());
                    boolean all = list.size() > 0;
                    for (JsonNode view : list) {
                        all &= view.path("upToDate").asBoolean(false);
                    }
                    if (all) {
                        return (System.nanoTime() - t0) / 1e9;
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable /api/admin/views: " + views, e);
                }
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(250);
        }
    }

    /**
     * Waits until every token of the selected processors is at the event store's head (read again each time, since
     * processors may append events themselves); returns the seconds waited, or -1 after the timeout.
     */
    static double awaitTokensAtHead(String jdbcUrl, Predicate<String> processors, Duration timeout)
            throws InterruptedException, SQLException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        try (StoreReader store = StoreReader.open(jdbcUrl)) {
            while (true) {
                long head = store.head();
                List<StoreReader.Token> tokens = store.tokens().stream().filter(t -> processors.test(t.processor())).toList();
                if (!tokens.isEmpty() && tokens.stream().allMatch(t -> t.position() >= head)) {
                    return (System.nanoTime() - t0) / 1e9;
                }
                if (System.nanoTime() > deadline) {
                    return -1;
                }
                Thread.sleep(250);
            }
        }
    }

    /** The event store (JDBC) against the commitments view (MongoDB URI). */
    static Witnessed witness(String jdbcUrl, String mongoUri) throws SQLException {
        List<StoreReader.Event> events;
        try (StoreReader store = StoreReader.open(jdbcUrl)) {
            events = store.commitmentEvents();
        }
        Map<String, Convergence.Expected> expected = Convergence.expected(events.stream().map(StoreReader.Event::stored)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
        ViewReader.Views views = ViewReader.read(mongoUri);
        Set<String> eventIds = events.stream().map(StoreReader.Event::eventId).collect(Collectors.toSet());
        Convergence.Result result = Convergence.compare(expected, views.commitments(), eventIds, views.timelineIds());
        return new Witnessed(events, expected, result);
    }

    /**
     * As {@link #witness}, for the embedded default once its node has stopped: the H2 file of the event store and
     * the views file, served for the moment by a MongoDB-wire server in this process.
     */
    static Witnessed witnessEmbedded(Path dataDir) throws SQLException {
        try (EmbeddedMongoServer views = EmbeddedMongoServer.start(dataDir.resolve("views.mv"), 0, Clock.systemUTC())) {
            return witness("jdbc:h2:file:" + dataDir.resolve("events"),
                    "mongodb://" + views.host() + ":" + views.port() + "/duban");
        }
    }

    /** The store's commitment events, what they make the view owe, and how the view compares. */
    record Witnessed(List<StoreReader.Event> events, Map<String, Convergence.Expected> expected,
                     Convergence.Result result) {
    }

    static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.1f s", s);
    }

    static String rate(double perSecond) {
        return String.format(java.util.Locale.ROOT, "%.1f /s", perSecond);
    }
}
