package io.duban.harness.drill;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar duban-harness.jar mongo-server --port=P --file=F} as a child process: the views' MongoDB-wire server
 * outside the application nodes, so that a drill can kill a node without touching the views, or kill the views'
 * server under a running node.
 */
final class MongoProcess {

    private final ChildProcess process;
    private final int port;
    private final Path file;

    MongoProcess(Path jar, String xmx, int port, Path file, Path log) {
        this.port = port;
        this.file = file;
        this.process = new ChildProcess("mongo-server", ChildProcess.javaCommand(jar, xmx,
                List.of("mongo-server", "--port=" + port, "--file=" + file)), log);
    }

    /** The URI the application nodes get as {@code spring.data.mongodb.uri}. */
    String uri() {
        return "mongodb://127.0.0.1:" + port + "/duban";
    }

    int port() {
        return port;
    }

    Path file() {
        return file;
    }

    long pid() {
        return process.pid();
    }

    ChildProcess process() {
        return process;
    }

    /** Starts the server and waits until it accepts connections. */
    void start(Duration timeout) throws InterruptedException {
        process.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mongo-server exited at start-up:\n" + process.logTail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mongo-server not listening on " + port + " after " + timeout + ":\n"
                        + process.logTail(30));
            }
            Thread.sleep(100);
        }
    }

    int stop() throws InterruptedException {
        return process.stop(Duration.ofSeconds(30));
    }

    int kill() throws InterruptedException {
        return process.kill();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
