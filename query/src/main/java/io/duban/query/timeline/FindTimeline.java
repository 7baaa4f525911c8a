package io.duban.query.timeline;

import io.duban.command.api.Channel;

import java.time.Instant;
import java.util.List;

/**
 * Timeline entries of one subject, oldest first, optionally narrowed by time, event type and channel. Answer:
 * {@code List<TimelineEntry>}.
 * <p>
 * The subject is exactly one of:
 * <ul>
 *   <li>one aggregate: {@code aggregateId} + {@code kind} ({@code commitment}, {@code policy} or {@code official}, so
 *       that ids of different aggregate types never mix), ordered by sequence; an aggregate without any entry of that
 *       kind and no filter given: {@link io.duban.query.web.NotFoundException};</li>
 *   <li>an item: {@code policyId} + {@code itemNumber}, every entry of all its commitments;</li>
 *   <li>a unit: {@code unitId}, every entry of all its commitments;</li>
 *   <li>a person: {@code userId}, the entries whose actor is that person, plus the directory entries about them;</li>
 *   <li>nothing ({@link #everything}): every entry, meant with a time range (a quarter's audit trail).</li>
 * </ul>
 * Several aggregates are ordered by time, then aggregate and sequence.
 *
 * @param from     inclusive, null = since the beginning
 * @param to       exclusive, null = up to now
 * @param types    event types (simple class names such as {@code ProgressReported}); empty = all
 * @param channels channels; empty = all
 */
public record FindTimeline(String aggregateId, String kind, String policyId, Integer itemNumber, String unitId,
                           String userId, Instant from, Instant to, List<String> types, List<Channel> channels) {

    public FindTimeline {
        types = types == null ? List.of() : List.copyOf(types);
        channels = channels == null ? List.of() : List.copyOf(channels);
        if ((aggregateId == null) != (kind == null)) {
            throw new IllegalArgumentException("aggregateId and kind go together");
        }
        if ((policyId == null) != (itemNumber == null)) {
            throw new IllegalArgumentException("policyId and itemNumber go together");
        }
        int subjects = (aggregateId == null ? 0 : 1) + (policyId == null ? 0 : 1) + (unitId == null ? 0 : 1)
                + (userId == null ? 0 : 1);
        if (subjects > 1) {
            throw new IllegalArgumentException("at most one subject: " + subjects + " given");
        }
    }

    /** The old shape: one aggregate, no filter. */
    public FindTimeline(String aggregateId, String kind) {
        this(aggregateId, kind, null, null, null, null, null, null, List.of(), List.of());
    }

    public static FindTimeline commitment(String commitmentId) {
        return new FindTimeline(commitmentId, TimelineProjection.COMMITMENT);
    }

    public static FindTimeline policy(String policyId) {
        return new FindTimeline(policyId, TimelineProjection.POLICY);
    }

    public static FindTimeline official(String userId) {
        return new FindTimeline(userId, TimelineProjection.OFFICIAL);
    }

    public static FindTimeline item(String policyId, int itemNumber) {
        return new FindTimeline(null, null, policyId, itemNumber, null, null, null, null, List.of(), List.of());
    }

    public static FindTimeline unit(String unitId) {
        return new FindTimeline(null, null, null, null, unitId, null, null, null, List.of(), List.of());
    }

    /** What a person did, and what the directory recorded about them. */
    public static FindTimeline person(String userId) {
        return new FindTimeline(null, null, null, null, null, userId, null, null, List.of(), List.of());
    }

    public static FindTimeline everything() {
        return new FindTimeline(null, null, null, null, null, null, null, null, List.of(), List.of());
    }

    public FindTimeline between(Instant newFrom, Instant newTo) {
        return new FindTimeline(aggregateId, kind, policyId, itemNumber, unitId, userId, newFrom, newTo, types,
                channels);
    }

    public FindTimeline ofTypes(List<String> newTypes) {
        return new FindTimeline(aggregateId, kind, policyId, itemNumber, unitId, userId, from, to, newTypes, channels);
    }

    public FindTimeline through(List<Channel> newChannels) {
        return new FindTimeline(aggregateId, kind, policyId, itemNumber, unitId, userId, from, to, types, newChannels);
    }

    boolean oneAggregate() {
        return aggregateId != null;
    }

    boolean filtered() {
        return from != null || to != null || !types.isEmpty() || !channels.isEmpty();
    }
}
