package io.duban.harness.bench;

import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection lag phase's pure parts: when an event became visible, and percentiles. Nothing is timed. */
class PositionTimelineTest {

    @Test
    void an_event_is_visible_from_the_first_reading_whose_position_reaches_its_index() {
        // given
        PositionTimeline timeline = new PositionTimeline();
        timeline.record(100, 5, Set.of());
        timeline.record(200, 9, Set.of());
        timeline.record(300, 12, Set.of());

        // when / then
        assertThat(timeline.firstVisible(5)).isEqualTo(100);
        assertThat(timeline.firstVisible(6)).isEqualTo(200);
        assertThat(timeline.firstVisible(9)).isEqualTo(200);
        assertThat(timeline.firstVisible(12)).isEqualTo(300);
        assertThat(timeline.firstVisible(13)).isEqualTo(-1);
    }

    @Test
    void an_event_in_a_gap_is_visible_only_once_the_gap_closed() {
        // given: index 7 committed after 8, so the token passed 8 with 7 as a gap
        PositionTimeline timeline = new PositionTimeline();
        timeline.record(100, 8, Set.of(7L));
        timeline.record(200, 8, Set.of());

        // when / then
        assertThat(timeline.firstVisible(8)).isEqualTo(100);
        assertThat(timeline.firstVisible(7)).isEqualTo(200);
    }

    @Test
    void unchanged_or_lower_readings_are_not_recorded() {
        // given
        PositionTimeline timeline = new PositionTimeline();

        // when
        boolean first = timeline.record(100, 5, Set.of());
        boolean same = timeline.record(150, 5, new HashSet<>());
        boolean lower = timeline.record(170, 3, Set.of());
        boolean higher = timeline.record(200, 6, Set.of());

        // then
        assertThat(List.of(first, same, lower, higher)).containsExactly(true, false, false, true);
        assertThat(timeline.size()).isEqualTo(2);
        assertThat(timeline.lastPosition()).isEqualTo(6);
        assertThat(timeline.firstVisible(4)).isEqualTo(100);
    }

    @Test
    void the_timeline_grows_past_its_initial_capacity() {
        // given
        PositionTimeline timeline = new PositionTimeline();

        // when
        for (int i = 0; i < 5_000; i++) {
            timeline.record(i * 10L, i, Set.of());
        }

        // then
        assertThat(timeline.size()).isEqualTo(5_000);
        assertThat(timeline.firstVisible(4_321)).isEqualTo(43_210);
    }

    @Test
    void percentiles_are_nearest_rank_and_nan_when_empty() {
        // given
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }

        // when / then
        assertThat(Percentile.of(sorted, 0.50)).isEqualTo(50);
        assertThat(Percentile.of(sorted, 0.99)).isEqualTo(99);
        assertThat(Percentile.of(sorted, 1.0)).isEqualTo(100);
        assertThat(Percentile.of(new long[]{7}, 0.99)).isEqualTo(7);
        assertThat(Percentile.of(new long[0], 0.5)).isNaN();
    }

    @Test
    void a_processor_is_as_far_as_its_slowest_segment_with_every_segments_gaps() {
        // given
        Map<Integer, EventTrackerStatus> status = new LinkedHashMap<>();
        status.put(0, status(0, GapAwareTrackingToken.newInstance(20, Set.of(17L))));
        status.put(1, status(1, GapAwareTrackingToken.newInstance(15, Set.of())));
        Set<Long> gaps = new HashSet<>();

        // when
        long position = ProjectionLagBench.lowestPosition(status, gaps);

        // then
        assertThat(position).isEqualTo(15);
        assertThat(gaps).containsExactly(17L);
    }

    @Test
    void a_processor_without_segments_or_tokens_has_seen_nothing() {
        // given
        Map<Integer, EventTrackerStatus> noToken = Map.of(0, status(0, null));

        // when / then
        assertThat(ProjectionLagBench.lowestPosition(Map.of(), new HashSet<>())).isEqualTo(-1);
        assertThat(ProjectionLagBench.lowestPosition(noToken, new HashSet<>())).isEqualTo(-1);
    }

    private static EventTrackerStatus status(int segment, TrackingToken token) {
        return new EventTrackerStatus() {
            public Segment getSegment() {
                return Segment.computeSegment(segment, 0, 1);
            }

            public boolean isCaughtUp() {
                return true;
            }

            public boolean isReplaying() {
                return false;
            }

            public boolean isMerging() {
                return false;
            }

            public OptionalLong mergeCompletedPosition() {
                return OptionalLong.empty();
            }

            public TrackingToken getTrackingToken() {
                return token;
            }

            public boolean isErrorState() {
                return false;
            }

            public Throwable getError() {
                return null;
            }

            public OptionalLong getCurrentPosition() {
                return token == null ? OptionalLong.empty() : token.position();
            }

            public OptionalLong getResetPosition() {
                return OptionalLong.empty();
            }
        };
    }
}
