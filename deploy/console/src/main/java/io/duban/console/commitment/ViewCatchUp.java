package io.duban.console.commitment;

import io.duban.query.api.timeline.FindCommitmentHistory;
import io.duban.query.api.timeline.HistoryEntry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * After an action the views are projected a moment later (tracking processors): the page the browser is sent to
 * waits, briefly, until the commitment's view and its timeline show the new events, so the person sees what they did.
 * Past the wait the page shows what the views hold; nothing is lost, it appears on the next view.
 *
 * <p>The action is recorded before the wait begins, so a read that fails meanwhile (a view being written, a busy
 * wire server) only means "not yet": answering it with an error page would tell the person their registration failed
 * and invite them to send it again, to be refused as a duplicate.
 */
@Component
public class ViewCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ViewCatchUp.class);
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
            if (shown(commitmentId, sequence)) {
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

    private boolean shown(String commitmentId, long sequence) {
        try {
            boolean detail = reader.detail(commitmentId).map(d -> d.commitment().lastSequence() > sequence)
                    .orElse(false);
            return detail && timelineAfter(commitmentId, sequence);
        } catch (RuntimeException notYet) {
            log.info("Views of {} not readable yet, waiting on: {}", commitmentId, notYet.toString());
            return false;
        }
    }

    private boolean timelineAfter(String commitmentId, long sequence) {
        List<HistoryEntry> entries = Answers.await(queries.query(new FindCommitmentHistory(commitmentId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class))).orElse(List.of());
        return !entries.isEmpty() && entries.get(entries.size() - 1).sequence() > sequence;
    }
}
