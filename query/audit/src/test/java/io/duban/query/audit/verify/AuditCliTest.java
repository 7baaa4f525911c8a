package io.duban.query.audit.verify;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The `verify` command's usage errors, without any database (exit code 2 and the usage text). */
class AuditCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AuditCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnUnknownOption() {
        assertThat(run("--db-url=jdbc:h2:mem:x", "--public-key=abc", "--colour")).isEqualTo(AuditCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour").contains("退出码");
        assertThat(out.size()).isZero();
    }

    @Test
    void needsTheDatabaseAndTheKey() {
        assertThat(run("--db-url=jdbc:h2:mem:x")).isEqualTo(AuditCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--db-url and --public-key are required");
    }

    @Test
    void refusesABareArgument() {
        assertThat(run("now")).isEqualTo(AuditCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected argument 'now'");
    }
}
