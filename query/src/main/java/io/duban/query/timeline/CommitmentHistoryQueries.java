package io.duban.query.timeline;

import io.duban.query.api.timeline.FindCommitmentHistory;
import io.duban.query.api.timeline.HistoryEntry;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers {@link FindCommitmentHistory} with the commitment's timeline, one read of the view. */
@Component
public class CommitmentHistoryQueries {

    private final TimelineQueries timeline;

    public CommitmentHistoryQueries(TimelineQueries timeline) {
        this.timeline = timeline;
    }

    @QueryHandler
    public List<HistoryEntry> handle(FindCommitmentHistory query) {
        return timeline.handle(FindTimeline.commitment(query.commitmentId())).stream()
                .map(CommitmentHistoryQueries::entry).toList();
    }

    private static HistoryEntry entry(TimelineEntry e) {
        Object percent = "ProgressReported".equals(e.type()) ? e.facts().get("percent") : null;
        return new HistoryEntry(e.sequence(), e.type(), e.at(), e.actor(), e.channel(), e.messageId(), e.summary(),
                percent instanceof Number n ? n.intValue() : null);
    }
}
