package io.duban.harness.e2e;

import io.duban.harness.demo.DemoApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's walk-through as written: every bash block marked {@value #MARKER} is concatenated, in order, and
 * executed by bash against a freshly started service in demo mode (the README's run command: the harness's demo, the
 * product with the DingTalk fake), with {@code curl}
 * wrapped so that every step must answer 2xx, or the status its {@code EXPECT=…} prefix names. A README that no
 * longer matches the service fails the build.
 */
class ReadmeWalkThroughTest {

    static final String MARKER = "<!-- executed by the build: deploy/harness/src/test/java/io/duban/harness/e2e/ReadmeWalkThroughTest.java -->";
    /** The README's demo command; the test starts what it runs ({@link DemoApplication}, the harness's {@code demo}). */
    static final String DEMO_COMMAND = "java -jar deploy/harness/target/duban-harness.jar demo";

    /** The checking curl: prints the body as curl would, fails the script on an unexpected status. */
    private static final String PREAMBLE = """
            set -euo pipefail
            curl() {
              local expect="${EXPECT:-2}" out code body
              out=$(command curl -sS -w '\\n%{http_code}' "$@")
              code="${out##*$'\\n'}"
              body="${out%$'\\n'*}"
              printf '%s\\n' "$body"
              case "$code" in
                "$expect"*) ;;
                *) printf 'README step answered HTTP %s (expected %s…): curl %s\\n%s\\n' "$code" "$expect" "$*" "$body" >&2
                   exit 1 ;;
              esac
            }
            """;

    @TempDir
    Path dataDir;
    @TempDir
    Path workDir;

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theReadmeWalkThroughRunsAsWrittenAgainstAFreshService() throws Exception {
        // given the README's blocks and a fresh service
        Path repository = Path.of("../..").toAbsolutePath().normalize();
        String readme = Files.readString(repository.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> blocks = markedBlocks(readme);
        assertThat(runCommand(readme)).as("the README's run command").contains(DEMO_COMMAND);
        String walkThrough = String.join("\n", blocks);
        assertThat(blocks).as("marked blocks").hasSizeGreaterThanOrEqualTo(4);
        assertThat(walkThrough).contains("/verification", "/milestones/M2/completion", "/policies/confirmation",
                "/dispatch-rounds", "/dev/dingtalk/replies", "/as-of/board", "/audit/verify");
        // what DEMO_COMMAND runs, with the data directory and port of this test
        app = DemoApplication.run("--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        Files.createSymbolicLink(workDir.resolve("deploy"), repository.resolve("deploy"));
        // the README's commands read views right after writes, as a person typing them would, a moment later
        String script = PREAMBLE + walkThrough.replace("http://localhost:8080", "http://127.0.0.1:" + port)
                .replaceAll("(?m)^(EXPECT=\\d+ )?curl ", "sleep 0.3; $1curl ");

        // when
        Process bash = new ProcessBuilder("bash", "-c", script).directory(workDir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = bash.waitFor(5, TimeUnit.MINUTES);

        // then
        assertThat(finished).as("walk-through finished").isTrue();
        assertThat(bash.exitValue()).as("the walk-through as written:\n%s", tail(output)).isZero();
        assertThat(output).contains("nzf-2023-1.31.uc88ba393", "VERIFIED");
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).isTrue();
    }

    /** The first bash block under "## Two commands". */
    static String runCommand(String readme) {
        int section = readme.indexOf("## Two commands");
        assertThat(section).as("section Two commands").isNotNegative();
        int start = readme.indexOf("```bash\n", section);
        return readme.substring(start, readme.indexOf("\n```", start + 8));
    }

    static List<String> markedBlocks(String readme) {
        List<String> blocks = new ArrayList<>();
        int at = 0;
        while ((at = readme.indexOf(MARKER, at)) >= 0) {
            int start = readme.indexOf("```bash\n", at);
            int end = readme.indexOf("\n```", start + 8);
            blocks.add(readme.substring(start + 8, end));
            at = end;
        }
        return blocks;
    }

    private static String tail(String output) throws IOException {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
}
