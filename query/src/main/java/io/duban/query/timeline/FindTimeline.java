package io.duban.query.timeline;

/**
 * The timeline of one aggregate, oldest first. Answer: {@code List<TimelineEntry>}; an aggregate without any entry
 * of that kind: {@link io.duban.query.web.NotFoundException}.
 *
 * @param kind {@code commitment}, {@code policy} or {@code official}, so that ids of different aggregate types
 *             never mix
 */
public record FindTimeline(String aggregateId, String kind) {

    public static FindTimeline commitment(String commitmentId) {
        return new FindTimeline(commitmentId, TimelineProjection.COMMITMENT);
    }

    public static FindTimeline policy(String policyId) {
        return new FindTimeline(policyId, TimelineProjection.POLICY);
    }

    public static FindTimeline official(String userId) {
        return new FindTimeline(userId, TimelineProjection.OFFICIAL);
    }
}
