package io.duban.deploy.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded default's event store URL (application.yml) makes a commit durable against SIGKILL before it returns:
 * the database file is copied right after the commit, while the connection is still open (the copy is what a killed
 * process leaves behind), and the copy holds the row. With H2's default write delay (500 ms) the drill kill9 --db=h2
 * lost acknowledged commands.
 */
class H2DurabilityTest {

    @TempDir
    Path dir;

    @Test
    void aCommittedRowIsInTheFileBeforeTheCommitReturns() throws Exception {
        String url = applicationYmlUrl().replace("${duban.data-dir}", dir.resolve("data").toString());
        // a file database ("retry:" wraps the same files: it reopens them when a writing thread was interrupted)
        assertThat(url).startsWith("jdbc:h2:retry:");
        Path copy = dir.resolve("after-kill");
        Files.createDirectories(copy);
        try (Connection connection = DriverManager.getConnection(url); Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE acknowledged (id INT PRIMARY KEY)");
            s.execute("INSERT INTO acknowledged VALUES (1)");

            Files.copy(dir.resolve("data/events.mv.db"), copy.resolve("events.mv.db"));
        }

        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("events"));
             Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM acknowledged")) {
            rs.next();
            assertThat(rs.getInt(1)).as("rows committed before the 'kill'").isEqualTo(1);
        }
    }

    private static String applicationYmlUrl() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        return sources.stream().map(source -> source.getProperty("spring.datasource.url")).filter(v -> v != null)
                .map(Object::toString).findFirst().orElseThrow();
    }
}
