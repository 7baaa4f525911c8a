package io.duban.command.commitment;

import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.ScheduledDeadlineInfo;
import org.axonframework.test.deadline.StubDeadlineManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.duban.command.commitment.Fixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The fixture's deadline manager, read and fed directly: what is pending, and deadlines left by an older version. */
final class PendingDeadlines {

    private PendingDeadlines() {
    }

    /** The commitment has exactly one pending deadline: its next step, at {@code at}. */
    static void assertOnlyNextStepAt(AggregateTestFixture<Commitment> fixture, Instant at) {
        assertThat(stub(fixture).getScheduledDeadlines()).singleElement().satisfies(d -> {
            assertThat(d.getScheduleTime()).isEqualTo(at);
            assertThat(d.getDeadlineName()).isEqualTo(NextStep.deadlineName(ID));
            assertThat(d.deadlineMessage().getPayload()).isEqualTo(new NextStep(at));
        });
    }

    /**
     * Lets time run to {@code until}, one next step after the other, and answers when each pending next step was due:
     * the moments the commitment scheduled itself for, in order. One deadline is pending at each of them.
     */
    static List<Instant> nextStepsUntil(AggregateTestFixture<Commitment> fixture, Instant until) {
        List<Instant> moments = new ArrayList<>();
        while (true) {
            List<ScheduledDeadlineInfo> pending = stub(fixture).getScheduledDeadlines();
            assertThat(pending).as("pending deadlines").hasSizeLessThanOrEqualTo(1);
            if (pending.isEmpty() || pending.get(0).getScheduleTime().isAfter(until)) {
                return moments;
            }
            Instant at = pending.get(0).getScheduleTime();
            moments.add(at);
            fixture.whenTimeAdvancesTo(at);
        }
    }

    /** A deadline as an older version scheduled it (one per due date, reminder and ladder step). */
    static void scheduleLegacy(AggregateTestFixture<Commitment> fixture, Instant at, String name, Object payload) {
        ScopeDescriptor scope = new AggregateScopeDescriptor(Commitment.class.getSimpleName(), ID);
        stub(fixture).schedule(at, name, payload, scope);
    }

    private static StubDeadlineManager stub(AggregateTestFixture<Commitment> fixture) {
        try {
            var field = AggregateTestFixture.class.getDeclaredField("deadlineManager");
            field.setAccessible(true);
            return (StubDeadlineManager) field.get(fixture);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
