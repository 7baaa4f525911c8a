package io.duban.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SegmentBalancerTest {

    @Test
    void theFirstNodeUpGivesUpWhatIsBeyondItsFairShareWhenASecondNodeIsAlive() {
        assertThat(SegmentBalancer.surplus(List.of(0, 1), 2, 2)).containsExactly(1);
        assertThat(SegmentBalancer.surplus(List.of(0, 1, 2, 3), 4, 2)).containsExactly(3, 2);
        assertThat(SegmentBalancer.surplus(List.of(0, 1, 2, 3), 4, 3)).containsExactly(3, 2);
        assertThat(SegmentBalancer.surplus(List.of(2, 0, 1), 3, 2)).containsExactly(2);
    }

    @Test
    void nothingMovesWhenTheShareIsFairOrThereIsNobodyToTakeIt() {
        assertThat(SegmentBalancer.surplus(List.of(0, 1), 2, 1)).isEmpty();  // alone: keep everything
        assertThat(SegmentBalancer.surplus(List.of(1), 2, 2)).isEmpty();     // already fair
        assertThat(SegmentBalancer.surplus(List.of(0), 1, 3)).isEmpty();     // one segment: nothing to share
        assertThat(SegmentBalancer.surplus(List.of(0, 1), 2, 3)).containsExactly(1); // 2 segments, 3 nodes: 1 each
        assertThat(SegmentBalancer.surplus(List.of(), 2, 2)).isEmpty();
    }

    @Test
    void aNodeIsAliveWhileItsSchedulerChecksInOnTime() {
        long interval = 7_500;
        assertThat(SegmentBalancer.alive(100_000, interval, 100_000 + interval)).isTrue();
        assertThat(SegmentBalancer.alive(100_000, interval, 100_000 + interval + 7_500)).isTrue();
        assertThat(SegmentBalancer.alive(100_000, interval, 100_000 + interval + 7_501)).isFalse();
    }
}
