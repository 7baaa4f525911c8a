package io.duban.harness.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StoreReaderTest {

    @Test
    void aTokenPositionIsItsIndexAlsoInsideAReplayToken() {
        assertThat(StoreReader.position("{\"index\":42,\"gaps\":[40]}".getBytes(StandardCharsets.UTF_8))).isEqualTo(42);
        assertThat(StoreReader.position(("{\"tokenAtReset\":{\"index\":99,\"gaps\":[]},"
                + "\"currentToken\":{\"index\":7,\"gaps\":[]},\"context\":null}").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(7);
        assertThat(StoreReader.position(null)).isEqualTo(-1);
        assertThat(StoreReader.position("{\"tokenAtReset\":{\"index\":99},\"currentToken\":null}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }
}
