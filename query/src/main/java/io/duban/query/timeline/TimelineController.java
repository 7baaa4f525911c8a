package io.duban.query.timeline;

import io.duban.query.web.QueryCalls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Read API: what happened to a commitment, a policy or a person of the directory, oldest first. */
@RestController
public class TimelineController {

    private final QueryCalls queries;
    private final Clock clock;

    public TimelineController(QueryCalls queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Every entry of one subject (exactly one of commitment, item = policy + number, unit, person), oldest first,
     * optionally within {@code from}–{@code to} (ISO instants or business-zone dates), of some event {@code type}s
     * and {@code channel}s (each repeated or comma-separated). See {@link TimelineParams}.
     */
    @GetMapping("/api/timeline")
    public List<TimelineEntry> timeline(@RequestParam(required = false) String commitmentId,
                                        @RequestParam(required = false) String policyId,
                                        @RequestParam(required = false) String itemNumber,
                                        @RequestParam(required = false) String unitId,
                                        @RequestParam(required = false) String userId,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) List<String> type,
                                        @RequestParam(required = false) List<String> channel) {
        FindTimeline query = TimelineParams.filtered(
                TimelineParams.subject(commitmentId, policyId, itemNumber, unitId, userId),
                from, to, type, channel, clock.getZone());
        return queries.many(query, TimelineEntry.class);
    }

    @GetMapping("/api/commitments/{commitmentId}/timeline")
    public List<TimelineEntry> commitmentTimeline(@PathVariable String commitmentId) {
        return queries.many(FindTimeline.commitment(commitmentId), TimelineEntry.class);
    }

    @GetMapping("/api/policies/{policyId}/timeline")
    public List<TimelineEntry> policyTimeline(@PathVariable String policyId) {
        return queries.many(FindTimeline.policy(policyId), TimelineEntry.class);
    }

    @GetMapping("/api/officials/{userId}/timeline")
    public List<TimelineEntry> officialTimeline(@PathVariable String userId) {
        return queries.many(FindTimeline.official(userId), TimelineEntry.class);
    }
}
