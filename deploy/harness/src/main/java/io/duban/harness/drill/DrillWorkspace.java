package io.duban.harness.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

/**
 * What one drill run owns: a work directory ({@code logs/} kept, data directories deleted at the end unless
 * {@code --keep}), fresh PostgreSQL schemas (dropped at the end unless {@code --keep}) and the child processes
 * (stopped at the end, whatever happened).
 */
final class DrillWorkspace implements AutoCloseable {

    private final Path root;
    private final Path logs;
    private final boolean keep;
    private final PrintStream out;
    private final List<Path> dataDirs = new ArrayList<>();
    private final List<String[]> schemas = new ArrayList<>();
    private final List<ChildProcess> children = new ArrayList<>();

    DrillWorkspace(String drill, String workDir, boolean keep, PrintStream out) {
        try {
            this.root = workDir == null ? Files.createTempDirectory("duban-drill-" + drill + "-")
                    : Files.createDirectories(Path.of(workDir).toAbsolutePath());
            this.logs = Files.createDirectories(root.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the drill's work directory", e);
        }
        this.keep = keep;
        this.out = out;
        out.println("work directory " + root + " (logs in " + logs + ")");
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    Path dataDir(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataDirs.add(dir);
        return dir;
    }

    /** Registers a child process to be stopped at the end. */
    <T> T own(T process, ChildProcess child) {
        children.add(child);
        return process;
    }

    /** A fresh schema on {@code pgUrl}; returns the JDBC URL with {@code currentSchema} set to it. */
    String freshSchema(String pgUrl, String prefix) throws SQLException {
        String schema = prefix + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = DriverManager.getConnection(pgUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(new String[]{pgUrl, schema});
        out.println("PostgreSQL schema " + schema);
        return pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Whether a PostgreSQL server answers at {@code pgUrl} within a few seconds. */
    static boolean reachable(String pgUrl) {
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(pgUrl)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<ChildProcess> lastFirst = new ArrayList<>(children);
        java.util.Collections.reverse(lastFirst);
        for (ChildProcess child : lastFirst) {
            try {
                if (child.isAlive()) {
                    child.stop(java.time.Duration.ofSeconds(60));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                out.println("could not stop " + child.name() + ": " + e.getMessage());
            }
        }
        if (keep) {
            out.println("kept (--keep): " + root + (schemas.isEmpty() ? "" : ", schemas "
                    + schemas.stream().map(s -> s[1]).toList()));
            return;
        }
        for (String[] schema : schemas) {
            try (Connection c = DriverManager.getConnection(schema[0]); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema[1] + " CASCADE");
            } catch (SQLException e) {
                out.println("could not drop schema " + schema[1] + ": " + e.getMessage());
            }
        }
        for (Path dir : dataDirs) {
            deleteQuietly(dir);
        }
        out.println("logs kept in " + logs);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
