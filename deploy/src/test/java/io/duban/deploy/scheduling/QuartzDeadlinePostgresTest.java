package io.duban.deploy.scheduling;

import io.duban.deploy.testdb.PostgresTestSchemas;
import io.duban.deploy.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import duban.testapp.scheduling.ClusterNode;
import duban.testapp.scheduling.FiringLog.Firing;
import io.duban.deploy.eventstore.DatabaseDialect;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durable deadlines on PostgreSQL, each case in a fresh schema ({@code duban_qz_<random>}) dropped afterwards, plus
 * two clustered nodes on one schema. Server from {@code DUBAN_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), user {@code DUBAN_TEST_POSTGRES_USER} (default postgres), password
 * {@code DUBAN_TEST_POSTGRES_PASSWORD} (default none). Each case is aborted (reported as skipped, with the reason) when
 * the server cannot be reached.
 */
class QuartzDeadlinePostgresTest extends AbstractQuartzDeadlineTest {

    private static final Logger log = LoggerFactory.getLogger(QuartzDeadlinePostgresTest.class);


    @Override
    protected TestDatabase createDatabase(String name) throws SQLException {
        return PostgresTestSchemas.fresh("duban_qz_");
    }

    @Override
    protected DatabaseDialect dialect() {
        return DatabaseDialect.POSTGRESQL;
    }

    @Override
    protected String expectedBinaryColumnType() {
        return "bytea";
    }

    @Test
    void twoClusteredNodesFireEachDeadlineExactlyOnceAndTheSurvivorTakesOverAStoppedNodesDeadline() throws Exception {
        try (TestDatabase database = createDatabase("cluster");
             ConfigurableApplicationContext nodeA = start(database, "A");
             OtherJvmNode nodeB = OtherJvmNode.start(database, "B")) {
            // given two nodes checked in as one cluster
            assertThat(checkedInInstances(database)).hasSize(2);

            // when ten deadlines are scheduled on each node, all due at the same moment
            Instant due = Instant.now().plusSeconds(5);
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < 10; i++) {
                expected.add(schedule(nodeA, due));
                String onB = "R-B-" + i + "-" + UUID.randomUUID();
                nodeB.schedule(onB, due);
                expected.add(onB);
            }
            nodeB.awaitOutput("SCHEDULED " + "R-B-9-", 20);
            assertThat(Instant.now()).as("all scheduled before they are due").isBefore(due);

            // then every deadline fires, each exactly once, on one node or the other
            List<Firing> firings = awaitFirings(database, expected.size(), due.plusSeconds(20));
            Thread.sleep(3_000);
            firings = firings(database);
            assertThat(firings).extracting(Firing::reminderId).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(firings).allSatisfy(f -> assertThat(f.firedAtMillis()).isGreaterThanOrEqualTo(due.toEpochMilli()));
            Map<String, Long> perNode = firings.stream().collect(Collectors.groupingBy(Firing::node, Collectors.counting()));
            log.info("Clustered firings per node: {}", perNode);

            // when a deadline is scheduled on node B and B stops before it is due
            Instant failoverDue = Instant.now().plusSeconds(5);
            String failover = "R-B-failover-" + UUID.randomUUID();
            nodeB.schedule(failover, failoverDue);
            nodeB.awaitOutput("SCHEDULED " + failover, 20);
            nodeB.stop();
            assertThat(Instant.now()).as("node B stopped before the deadline").isBefore(failoverDue);

            // then node A fires it, once
            List<Firing> all = awaitFirings(database,
                    list -> list.stream().anyMatch(f -> f.reminderId().equals(failover)), failoverDue.plusSeconds(20));
            Thread.sleep(2_000);
            all = firings(database);
            assertThat(all).filteredOn(f -> f.reminderId().equals(failover))
                    .singleElement().satisfies(f -> assertThat(f.node()).isEqualTo("A"));
            assertThat(all).hasSize(expected.size() + 1);
        }
    }

    /** Instance ids in Quartz's cluster state table for the scheduler name. */
    private static List<String> checkedInInstances(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?")) {
            select.setString(1, SCHEDULER_NAME);
            List<String> instances = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    instances.add(rs.getString(1));
                }
            }
            return instances;
        }
    }

    /**
     * A cluster node in a JVM of its own ({@link ClusterNode}), on this test's classpath; its output goes to
     * {@code target/quartz-cluster-node-<name>.log}. Closing it stops it, and kills it if it does not stop in time.
     */
    private record OtherJvmNode(Process process, Writer commands, Path output) implements AutoCloseable {

        static OtherJvmNode start(TestDatabase database, String name) throws Exception {
            Path output = Path.of("target", "quartz-cluster-node-" + name + ".log").toAbsolutePath();
            Files.createDirectories(output.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Daxoniq.update-checker.disabled=true", "-Dfile.encoding=UTF-8",
                    "-Duser.timezone=Asia/Shanghai",
                    "-cp", System.getProperty("java.class.path"),
                    ClusterNode.class.getName(),
                    database.url(), orDash(database.user()), orDash(database.password()), name));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            OtherJvmNode node = new OtherJvmNode(process,
                    new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), output);
            try {
                node.awaitOutput("NODE READY", 60);
            } catch (Throwable e) {
                node.close();
                throw e;
            }
            return node;
        }

        void schedule(String reminderId, Instant due) throws IOException {
            commands.write("schedule " + reminderId + " " + due.toEpochMilli() + "\n");
            commands.flush();
        }

        /** Waits for a line of output that starts with {@code prefix}. */
        void awaitOutput(String prefix, int seconds) throws Exception {
            long until = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < until) {
                if (Files.readAllLines(output).stream().anyMatch(line -> line.startsWith(prefix))) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("node exited (" + process.exitValue() + ") before '" + prefix
                            + "'; see " + output);
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no '" + prefix + "' from the node within " + seconds + " s; see " + output);
        }

        /** Asks the node to close its application and waits for the JVM to exit. */
        void stop() throws Exception {
            commands.write("stop\n");
            commands.flush();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("node stopped; see %s", output).isTrue();
            assertThat(process.exitValue()).isZero();
        }

        @Override
        public void close() throws Exception {
            if (!process.isAlive()) {
                return;
            }
            try {
                commands.write("stop\n");
                commands.flush();
            } catch (IOException ignored) {
                // the node is going away anyway
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        private static String orDash(String value) {
            return value == null ? "-" : value;
        }
    }


}
