package io.duban.harness.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One Duban application node as a child process ({@code java -Xmx… -jar duban-harness.jar demo --server.port=…}), on
 * the data directory, database and MongoDB the drill chose: the harness's demo, i.e. the product with the demo
 * accounts and its own DingTalk fake. Restarting runs the same command
 * line, i.e. the same data.
 *
 * @see Settings
 */
final class AppProcess {

    /**
     * @param name          how the drill calls the node ("node A")
     * @param port          HTTP port
     * @param dataDir       {@code duban.data-dir}: the H2 event store and embedded views when no URL is given, audit
     *                      keys, …
     * @param datasourceUrl PostgreSQL JDBC URL (with {@code currentSchema}), or null for the embedded H2 file
     * @param mongoUri      {@code mongodb://…/duban}, or null for the in-process MongoDB-wire server
     * @param extraArgs     further {@code --key=value} arguments
     */
    record Settings(String name, int port, Path dataDir, String datasourceUrl, String mongoUri, List<String> extraArgs) {

        List<String> args() {
            List<String> args = new ArrayList<>();
            args.add("demo");
            args.add("--server.port=" + port);
            args.add("--duban.data-dir=" + dataDir);
            // the demo command sets the demo profile: the demo accounts the drills log in as, and the DingTalk fake
            if (datasourceUrl != null) {
                args.add("--spring.datasource.url=" + datasourceUrl);
            }
            if (mongoUri != null) {
                args.add("--spring.data.mongodb.uri=" + mongoUri);
            }
            args.addAll(extraArgs);
            return args;
        }
    }

    private final Settings settings;
    private final ChildProcess process;
    private final DrillHttp http;

    AppProcess(Path jar, String xmx, Settings settings, Path log) {
        this.settings = settings;
        this.process = new ChildProcess(settings.name(), ChildProcess.javaCommand(jar, xmx, settings.args()), log);
        this.http = new DrillHttp(settings.port());
    }

    String name() {
        return settings.name();
    }

    Settings settings() {
        return settings;
    }

    DrillHttp http() {
        return http;
    }

    ChildProcess process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the node and waits until {@code /actuator/health} says UP; returns the seconds that took. */
    double start(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        process.start();
        awaitHealthy(timeout);
        return (System.nanoTime() - t0) / 1e9;
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited at start-up:\n" + process.logTail(40));
            }
            DrillHttp.Answer health = http.get(null, "/actuator/health");
            if (health.status() == 200 && health.body().contains("\"status\":\"UP\"")) {
                return;
            }
            last = health.answered() ? health.status() + " " + health.body() : health.error();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " not healthy after " + timeout + " (last: " + last + "):\n"
                        + process.logTail(40));
            }
            Thread.sleep(500);
        }
    }

    /** SIGTERM and wait (Spring closes Axon, releases the segment claims, stops Quartz); returns the exit code. */
    int stop() throws InterruptedException {
        return process.stop(Duration.ofSeconds(60));
    }

    /** SIGKILL. */
    int kill() throws InterruptedException {
        return process.kill();
    }

    /** Axon's default node id, which it writes into the token store's owner column. */
    String tokenOwner() {
        return process.pid() + "@";
    }
}
