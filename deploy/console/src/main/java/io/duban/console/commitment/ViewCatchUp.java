package io.duban.console.commitment;

import io.duban.query.api.timeline.FindCommitmentHistory;
import io.duban.query.api.timeline.HistoryEntry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * After an action the views are projected a moment later (tracking processors): the page the browser is sent to
 * waits, briefly, until the commitment's view and its timeline show the new events, so the person sees what they did.
 * Past the wait the page shows what the views hold; nothing is lost, it appears on the next view.
 */
@Component
public class ViewCatchUp {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long PAUSE_MILLIS = 50;

    private final CommitmentPageReader reader;
    private final QueryGateway queries;

    ViewCatchUp(CommitmentPageReader reader, QueryGateway queries) {
        this.reader = reader;
        this.queries = queries;
    }

    /** Waits until both views hold an event of the commitment after {@code sequence} (-1: any, a new commitment). */
    public void awaitAfter(String commitmentId, long sequence) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            boolean detail = reader.detail(commitmentId).map(d -> d.commitment().lastSequence() > sequence)
                    .orElse(false);
            if (detail && timelineAfter(commitmentId, sequence)) {
                return;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean timelineAfter(String commitmentId, long sequence) {
        List<HistoryEntry> entries = Answers.await(queries.query(new FindCommitmentHistory(commitmentId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class))).orElse(List.of());
        return !entries.isEmpty() && entries.get(entries.size() - 1).sequence() > sequence;
    }
}
