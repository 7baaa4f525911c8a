package io.duban.query.timeline;

import io.duban.command.api.Channel;
import io.duban.query.api.timeline.TimelineEventTypes;
import io.duban.query.web.BadRequestException;
import io.duban.query.web.RequestParams;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The timeline's filter parameters as the REST API takes them, checked by hand so that a bad one gets a Chinese 400
 * problem detail.
 * <ul>
 *   <li>{@code from}/{@code to}: an ISO instant ({@code 2026-10-01T00:00:00Z}, or with an offset) or a date
 *       ({@code 2026-10-01}) in the business zone; {@code from} is inclusive (a date: from its first moment),
 *       {@code to} exclusive for an instant and inclusive for a date (up to the end of that day);</li>
 *   <li>{@code type}: event type names, repeated or comma-separated;</li>
 *   <li>{@code channel}: WEB, DINGTALK, SCHEDULE, SYSTEM, repeated or comma-separated.</li>
 * </ul>
 */
public final class TimelineParams {

    /** The event types the timeline records. */
    public static final Set<String> EVENT_TYPES = Set.copyOf(TimelineEventTypes.NAMES);

    private TimelineParams() {
    }

    /**
     * The one subject among the given parameters (blank = not given).
     *
     * @throws BadRequestException when none or several are given, or an item number without its policy
     */
    public static FindTimeline subject(String commitmentId, String policyId, String itemNumber, String unitId,
                                       String userId) {
        commitmentId = RequestParams.optional(commitmentId);
        policyId = RequestParams.optional(policyId);
        Integer number = RequestParams.itemNumber("itemNumber", itemNumber);
        unitId = RequestParams.optional(unitId);
        userId = RequestParams.optional(userId);
        if ((policyId == null) != (number == null)) {
            throw new BadRequestException("按事项查询需同时提供 policyId 和 itemNumber");
        }
        int given = (commitmentId == null ? 0 : 1) + (policyId == null ? 0 : 1) + (unitId == null ? 0 : 1)
                + (userId == null ? 0 : 1);
        if (given != 1) {
            throw new BadRequestException("请且只请指定一个查询对象：commitmentId、policyId + itemNumber、unitId 或 userId"
                    + (given == 0 ? "" : "，收到 " + given + " 个"));
        }
        if (commitmentId != null) {
            return FindTimeline.commitment(commitmentId);
        }
        if (policyId != null) {
            return FindTimeline.item(policyId, number);
        }
        return unitId != null ? FindTimeline.unit(unitId) : FindTimeline.person(userId);
    }

    /** Narrows {@code query} by the filter parameters. */
    public static FindTimeline filtered(FindTimeline query, String from, String to, List<String> types,
                                        List<String> channels, ZoneId zone) {
        Instant start = instant("from", from, zone, false);
        Instant end = instant("to", to, zone, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadRequestException("参数 from 应早于 to，收到：" + from + " 至 " + to);
        }
        return query.between(start, end).ofTypes(types(types)).through(channels(channels));
    }

    /** An instant or a business-zone date; a date as {@code to} means up to the end of that day. */
    static Instant instant(String name, String value, ZoneId zone, boolean end) {
        value = RequestParams.optional(value);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new BadRequestException("参数 " + name + " 应为日期（如 2026-10-01）或带时区的时刻（如 "
                    + "2026-10-01T08:00:00+08:00），收到：" + value);
        }
    }

    static List<String> types(List<String> values) {
        List<String> types = new ArrayList<>();
        for (String value : split(values)) {
            if (!EVENT_TYPES.contains(value)) {
                throw new BadRequestException("参数 type 不是已知的事件类型：" + value + "；可选："
                        + String.join("、", EVENT_TYPES.stream().sorted().toList()));
            }
            types.add(value);
        }
        return types;
    }

    static List<Channel> channels(List<String> values) {
        return split(values).stream().map(v -> RequestParams.enumValue("channel", v, Channel.class)).toList();
    }

    private static List<String> split(List<String> values) {
        Set<String> parts = new LinkedHashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null).flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::trim).filter(v -> !v.isEmpty()).forEach(parts::add);
        }
        return List.copyOf(parts);
    }
}
