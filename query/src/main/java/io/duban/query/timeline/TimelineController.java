package io.duban.query.timeline;

import io.duban.query.web.QueryCalls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read API: what happened to a commitment, a policy or a person of the directory, oldest first. */
@RestController
public class TimelineController {

    private final QueryCalls queries;

    public TimelineController(QueryCalls queries) {
        this.queries = queries;
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
