package io.duban.harness.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MongoServerCliTest {

    @Test
    void defaultsToPort27017AndTheStandaloneFile() {
        MongoServerCli.Options options = MongoServerCli.Options.parse(new String[0]);

        assertThat(options.port()).isEqualTo(27017);
        assertThat(options.file()).isEqualTo(Path.of("./data/views-standalone.mv"));
    }

    @Test
    void takesPortAndFile() {
        MongoServerCli.Options options = MongoServerCli.Options.parse(new String[]{"--port=0", "--file=/tmp/v.mv"});

        assertThat(options.port()).isZero();
        assertThat(options.file()).isEqualTo(Path.of("/tmp/v.mv"));
    }

    @Test
    void aBadArgumentIsAUsageError() {
        assertThatThrownBy(() -> MongoServerCli.Options.parse(new String[]{"--port=http"})).hasMessageContaining("number");
        assertThatThrownBy(() -> MongoServerCli.Options.parse(new String[]{"--port=70000"})).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> MongoServerCli.Options.parse(new String[]{"--bind=0.0.0.0"}))
                .hasMessageContaining("unknown argument");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MongoServerCli.run(new String[]{"--verbose"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: mongo-server");
    }
}
