package io.duban.harness.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code java -jar duban-harness.jar …} child process of a drill: its output goes to a log file (appended across
 * restarts), it can be stopped with SIGTERM ({@link Process#destroy()}) or killed with SIGKILL
 * ({@link Process#destroyForcibly()}) and started again with the same command line.
 */
class ChildProcess {

    /** Variables of the drill's own environment that would point a child at another database or data directory. */
    static final List<String> SCRUBBED_ENV = List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD", "MONGODB_URI", "DUBAN_DATA_DIR", "SERVER_PORT", "DUBAN_ACCOUNTS",
            "DUBAN_OFFICIALS", "DUBAN_DINGTALK_ENABLED", "DUBAN_DINGTALK_PROTOCOL", "SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;
    private long pid = -1;

    ChildProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    /** {@code java -Xmx<xmx> -jar <jar> <args…>} with the JVM that runs the drill. */
    static List<String> javaCommand(Path jar, String xmx, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + xmx);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    List<String> command() {
        return command;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + pid + ")");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        SCRUBBED_ENV.forEach(env::remove);
        try {
            Files.writeString(log, "\n===== drill: starting " + name + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        pid = process.pid();
    }

    synchronized long pid() {
        return pid;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then waits up to {@code timeout} for the exit (SIGKILL after that); returns the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            return -1;
        }
        p.destroy();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
        }
        return p.exitValue();
    }

    /** SIGKILL: the process gets no chance to flush, release or say goodbye. Returns once it is gone. */
    int kill() throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            return -1;
        }
        p.destroyForcibly();
        return p.waitFor();
    }

    /** The last {@code lines} lines of the log, for an error message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Lines of the log containing {@code text}. */
    long countLogLines(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /**
     * The jar this code runs from ({@code java -jar duban-harness.jar drill …}), or {@code override} ({@code --jar=}) when
     * given; the drill starts its children from the same jar.
     */
    static Path locateJar(String override) {
        if (override != null && !override.isBlank()) {
            Path jar = Path.of(override).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("--jar: no such file " + jar);
            }
            return jar;
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                && Files.isRegularFile(Path.of(classPath))) {
            return Path.of(classPath).toAbsolutePath();
        }
        Path fromCodeSource = fromCodeSource();
        if (fromCodeSource != null) {
            return fromCodeSource;
        }
        throw new IllegalArgumentException("cannot tell which jar runs this drill (class path " + classPath
                + "); pass --jar=deploy/harness/target/duban-harness.jar");
    }

    /** Spring Boot 3.2+ nested jar URLs look like {@code jar:nested:/path/duban-harness.jar/!BOOT-INF/classes/!/}. */
    private static Path fromCodeSource() {
        try {
            var source = ChildProcess.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            String location = source.getLocation().toString();
            int jarEnd = location.indexOf(".jar");
            if (jarEnd < 0) {
                return null;
            }
            String path = location.substring(0, jarEnd + 4);
            for (String prefix : List.of("jar:", "nested:", "file:")) {
                if (path.startsWith(prefix)) {
                    path = path.substring(prefix.length());
                }
            }
            Path jar = Path.of(new URI("file", null, path, null).getPath());
            return Files.isRegularFile(jar) ? jar : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
