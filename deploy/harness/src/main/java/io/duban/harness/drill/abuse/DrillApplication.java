package io.duban.harness.drill.abuse;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.duban.harness.demo.DemoApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application, booted in-process for one drill on a fresh temporary data directory (H2 event store and
 * embedded MongoDB-wire server), or with the event store on PostgreSQL in a fresh schema that is dropped afterwards.
 * The DingTalk side is always the DingTalk fake (the harness's demo, {@link DemoApplication}).
 */
final class DrillApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final String postgresUrl;
    private final String schema;
    private final PrintStream out;

    private DrillApplication(ConfigurableApplicationContext context, Path dataDir, String postgresUrl, String schema,
                             PrintStream out) {
        this.context = context;
        this.dataDir = dataDir;
        this.postgresUrl = postgresUrl;
        this.schema = schema;
        this.out = out;
    }

    /**
     * @param postgresUrl a {@code jdbc:postgresql:} URL (user and password in it), or null for the embedded H2
     * @param extraArgs   further {@code --property=value} settings of the drill
     */
    static DrillApplication start(String name, String postgresUrl, List<String> extraArgs, PrintStream out)
            throws IOException, SQLException {
        Path dataDir = Files.createTempDirectory("duban-drill-" + name + "-");
        List<String> args = new ArrayList<>(List.of("--duban.data-dir=" + dataDir, "--server.port=0",
                "--spring.profiles.active=demo", "--logging.level.root=WARN",
                "--logging.level.io.duban=WARN", "--spring.main.banner-mode=off",
                // the demo accounts' plain-text passwords and the short calendar are known; not the drill's subject
                "--logging.level.io.duban.command.access=ERROR", "--logging.level.io.duban.deploy.calendar=ERROR",
                "--logging.level.org.springdoc=ERROR",
                // thousands of wrong passwords from 127.0.0.1 would lock every account and the address: the drill
                // aims at what lies behind the login (the throttle has its own tests, LoginThrottleTest)
                "--duban.security.login-throttle.max-failures-per-account=1000000",
                "--duban.security.login-throttle.max-failures-per-address=1000000"));
        String schema = null;
        if (postgresUrl != null) {
            if (!postgresUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db-url must be a jdbc:postgresql: URL");
            }
            schema = "duban_drill_" + name.replace('-', '_') + "_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(postgresUrl); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            args.add("--spring.datasource.url=" + postgresUrl + (postgresUrl.contains("?") ? "&" : "?")
                    + "currentSchema=" + schema);
        }
        args.addAll(extraArgs);
        out.printf("starting the application (data dir %s%s)%n", dataDir,
                schema == null ? ", H2" : ", PostgreSQL schema " + schema);
        try {
            ConfigurableApplicationContext context = DemoApplication.run(args.toArray(String[]::new));
            return new DrillApplication(context, dataDir, postgresUrl, schema, out);
        } catch (RuntimeException e) {
            cleanUp(dataDir, postgresUrl, schema, out);
            throw e;
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    String database() {
        return schema == null ? "H2 (embedded)" : "PostgreSQL schema " + schema;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            cleanUp(dataDir, postgresUrl, schema, out);
        }
    }

    private static void cleanUp(Path dataDir, String postgresUrl, String schema, PrintStream out) {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(postgresUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                out.println("could not drop schema " + schema + ": " + e.getMessage());
            }
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the OS
        }
    }
}
