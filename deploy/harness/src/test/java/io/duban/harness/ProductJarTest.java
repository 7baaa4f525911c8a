package io.duban.harness;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product jar holds the product: no bench, drill, DingTalk fake, harness or developer-endpoint class, in its own
 * classes or in any jar it ships. Runs in the harness because the reactor packages deploy (duban.jar) before it.
 */
class ProductJarTest {

    static final Path PRODUCT_JAR = Path.of("../target/duban.jar");
    static final Path PRODUCT_CLASSES = Path.of("../target/classes");

    /** Class or jar names that belong to the harness; matched against every entry of the product jar. */
    static final Pattern HARNESS = Pattern.compile(
            "(?i).*(/bench/|/drill/|/fake/|dingtalk-fake|/harness/|duban-harness|FakeDingTalk|DevCaller|DevEndpoint"
                    + "|MongoServerCli|BenchCli|DrillCli).*");

    @Test
    void the_product_jar_contains_no_harness_class() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(PRODUCT_JAR) && packagedAfterCompiling(),
                "deploy/target/duban.jar not packaged in this build (run mvn package or verify)");
        List<String> entries;
        try (ZipFile jar = new ZipFile(PRODUCT_JAR.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
        assertThat(entries).as("the product jar's own classes").contains(
                "BOOT-INF/classes/io/duban/deploy/DubanApplication.class");
        assertThat(entries).as("entries of %s that belong to the harness", PRODUCT_JAR)
                .noneMatch(entry -> HARNESS.matcher(entry).matches());
    }

    @Test
    void the_check_would_see_a_harness_class() {
        // the pattern must catch what this module moved out, or the test above proves nothing
        assertThat(List.of("BOOT-INF/classes/io/duban/harness/bench/BenchRun.class",
                "BOOT-INF/classes/io/duban/deploy/drill/Kill9Drill.class",
                "BOOT-INF/classes/io/duban/bot/fake/FakeDingTalk.class",
                "BOOT-INF/lib/duban-dingtalk-fake-0.1.0-SNAPSHOT.jar",
                "BOOT-INF/classes/io/duban/bot/local/FakeDingTalkController.class",
                "BOOT-INF/classes/io/duban/deploy/demo/DevEndpointAccessLog.class",
                "BOOT-INF/classes/io/duban/deploy/mongo/MongoServerCli.class"))
                .allMatch(entry -> HARNESS.matcher(entry).matches());
        assertThat(HARNESS.matcher("BOOT-INF/classes/io/duban/deploy/demo/DemoModeCheck.class").matches()).isFalse();
    }

    /** A jar older than the classes it should hold is from an earlier build ({@code mvn test} does not package). */
    private static boolean packagedAfterCompiling() throws IOException {
        FileTime jar = Files.getLastModifiedTime(PRODUCT_JAR);
        try (Stream<Path> classes = Files.walk(PRODUCT_CLASSES)) {
            return classes.filter(Files::isRegularFile).allMatch(c -> {
                try {
                    return Files.getLastModifiedTime(c).compareTo(jar) <= 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
