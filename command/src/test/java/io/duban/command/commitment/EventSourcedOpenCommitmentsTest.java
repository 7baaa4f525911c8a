package io.duban.command.commitment;

import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.ResponsiblePerson;
import io.duban.command.api.ResponsibleUnit;
import io.duban.command.api.SupportItem;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventSourcedOpenCommitmentsTest {

    private static final Actor ACTOR = Actor.system("test");

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EventSourcedOpenCommitments open = new EventSourcedOpenCommitments(storage);

    @Test
    void listsRegisteredCommitmentsUntilVerifiedAndSeesEventsStoredAfterAnEarlierCall() {
        // given two registered commitments of unit u1 and one of u2
        register("p.31.u1", "u1", 0);
        register("p.45.u1", "u1", 0);
        register("p.31.u2", "u2", 0);
        assertThat(open.all()).containsExactly("p.31.u1", "p.31.u2", "p.45.u1");

        // when one is verified and another gets a progress report (events stored after the first call)
        append("p.45.u1", 1, new ProgressReported("p.45.u1", 50, 0, "半", null, ACTOR));
        append("p.31.u1", 1, new CompletionVerified("p.31.u1", "同意销号", ACTOR));

        // then the verified one is no longer open, at once (no view, no lag)
        assertThat(open.all()).containsExactly("p.31.u2", "p.45.u1");
        assertThat(open.ofUnit("u1")).containsExactly("p.45.u1");
        assertThat(open.ofUnit("u2")).containsExactly("p.31.u2");
        assertThat(open.ofUnit("u3")).isEmpty();
    }

    @Test
    void knowsTheUnitsOfImportedPoliciesAndOfCommitments() {
        ResponsibleUnit listed = new ResponsibleUnit("u7", "自治区财政厅", false);
        ResponsibleUnit co = new ResponsibleUnit("u9", "呼和浩特市人民政府", true);
        SupportItem item = new SupportItem(1, "支持事项", null, SupportItem.UNDETERMINED, List.of(listed, co), List.of());
        append("p", 0, new PolicyImported("p", "内政发〔2023〕1号", "意见", 2023, "sha", List.of(item), List.of(co), ACTOR));
        register("q.1.u8", "u8", 0);

        assertThat(open.isKnownUnit("u7")).isTrue();
        assertThat(open.isKnownUnit("u9")).isTrue();
        assertThat(open.isKnownUnit("u8")).isTrue();
        assertThat(open.isKnownUnit("u1")).isFalse();
        assertThat(open.ofUnit("u7")).isEmpty();
    }

    private void register(String id, String unitId, long sequence) {
        append(id, sequence, new CommitmentRegistered(id, "p", 31, unitId, "单位", new ResponsiblePerson("王五", "处长"),
                "路线图", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), List.of(), ACTOR));
    }

    private void append(String aggregateId, long sequence, Object payload) {
        storage.appendEvents(new GenericDomainEventMessage<>("Commitment", aggregateId, sequence, payload));
    }
}
