package io.duban.query.timeline;

/**
 * The timeline of one aggregate (a commitment or a policy), oldest first. Answer: {@code List<TimelineEntry>}; an
 * aggregate without any entry: {@link io.duban.query.web.NotFoundException}.
 */
public record FindTimeline(String aggregateId) {
}
