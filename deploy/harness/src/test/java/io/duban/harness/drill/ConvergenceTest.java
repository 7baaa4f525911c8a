package io.duban.harness.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConvergenceTest {

    private static final String REGISTERED = "io.duban.command.api.CommitmentRegistered";
    private static final String PROGRESS = Convergence.PROGRESS_REPORTED;
    private static final String REMINDER = "io.duban.command.api.DueDateApproaching";
    private static final String OVERDUE = "io.duban.command.api.MilestoneBecameOverdue";

    private static Convergence.Stored event(String id, long sequence, String type, Integer percent) {
        return new Convergence.Stored(id, sequence, type, percent);
    }

    private static List<Convergence.Stored> store() {
        // any order: the fold sorts by sequence
        return new ArrayList<>(List.of(
                event("c1", 2, PROGRESS, 40), event("c1", 0, REGISTERED, null), event("c1", 1, PROGRESS, 20),
                event("c1", 3, REMINDER, null),
                event("c2", 0, REGISTERED, null), event("c2", 1, OVERDUE, null)));
    }

    @Test
    void foldsEachCommitmentIntoItsLastProgressAndTheLastSequenceTheViewHandles() {
        Map<String, Convergence.Expected> expected = Convergence.expected(store());

        assertThat(expected.get("c1")).isEqualTo(new Convergence.Expected("c1", 40, 2, 4, 0));
        assertThat(expected.get("c2")).isEqualTo(new Convergence.Expected("c2", 0, 1, 2, 0));
        assertThat(Convergence.streamsWithGaps(expected)).isZero();
    }

    @Test
    void findsAHoleInTheSequenceNumbers() {
        List<Convergence.Stored> events = store();
        events.removeIf(e -> e.commitmentId().equals("c1") && e.sequence() == 1);

        Map<String, Convergence.Expected> expected = Convergence.expected(events);

        assertThat(expected.get("c1").sequenceGaps()).isEqualTo(1);
        assertThat(Convergence.streamsWithGaps(expected)).isEqualTo(1);
    }

    @Test
    void anIdenticalViewConverges() {
        Convergence.Result result = Convergence.compare(Convergence.expected(store()),
                Map.of("c1", new Convergence.Viewed("c1", 40, 2), "c2", new Convergence.Viewed("c2", 0, 1)),
                Set.of("e1", "e2"), Set.of("e1", "e2"));

        assertThat(result.converged()).isTrue();
        assertThat(result.wrong()).isZero();
        assertThat(result.compared()).isEqualTo(2);
        assertThat(result.events()).isEqualTo(2);
    }

    @Test
    void countsEveryDocumentThatIsMissingExtraOrBehind() {
        Convergence.Result result = Convergence.compare(Convergence.expected(store()),
                Map.of("c1", new Convergence.Viewed("c1", 20, 1), "c9", new Convergence.Viewed("c9", 5, 3)),
                Set.of("e1", "e2", "e3"), Set.of("e1", "e4"));

        assertThat(result.missing()).containsExactly("c2");
        assertThat(result.extra()).containsExactly("c9");
        assertThat(result.different()).singleElement().asString()
                .contains("c1").contains("view progress 20 lastSequence 1").contains("store progress 40 lastSequence 2");
        assertThat(result.timelineMissing()).containsExactly("e2", "e3");
        assertThat(result.timelineExtra()).containsExactly("e4");
        assertThat(result.wrong()).isEqualTo(6);
        assertThat(result.converged()).isFalse();
        assertThat(result.examples(3)).hasSize(3);
    }

    @Test
    void aWrongProgressAloneIsEnoughToDiffer() {
        Convergence.Result result = Convergence.compare(Convergence.expected(store()),
                Map.of("c1", new Convergence.Viewed("c1", 41, 2), "c2", new Convergence.Viewed("c2", 0, 1)),
                Set.of(), Set.of());

        assertThat(result.wrong()).isEqualTo(1);
    }
}
