package io.duban.query.api.timeline;

import io.duban.command.api.Channel;

import java.time.Instant;
import java.util.List;

/**
 * One page of the timeline search (the audit page): the entries matching every filter given, by time. Unlike the
 * REST {@code GET /api/timeline}, which wants exactly one subject, the subjects here narrow together (a unit's
 * entries by one person) and none at all is every entry (meant with a time range). Answer: {@link TimelinePage}.
 *
 * @param commitmentId one commitment, null = any
 * @param policyId     with {@code itemNumber}: one item (all its commitments)
 * @param unitId       all commitments of one unit
 * @param userId       what a person did, and the directory entries about them
 * @param from         inclusive, null = since the beginning
 * @param to           exclusive, null = up to now
 * @param types        event types ({@link TimelineEventTypes#NAMES}), empty = all
 * @param channels     empty = all
 * @param newestFirst  the newest entry first (else the oldest)
 * @param page         0-based
 * @param size         1 to {@value #MAX_SIZE}
 */
public record FindTimelinePage(String commitmentId, String policyId, Integer itemNumber, String unitId, String userId,
                               Instant from, Instant to, List<String> types, List<Channel> channels,
                               boolean newestFirst, int page, int size) {

    public static final int MAX_SIZE = 200;

    public FindTimelinePage {
        types = types == null ? List.of() : List.copyOf(types);
        channels = channels == null ? List.of() : List.copyOf(channels);
        if ((policyId == null) != (itemNumber == null)) {
            throw new IllegalArgumentException("policyId and itemNumber go together");
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + MAX_SIZE);
        }
    }
}
