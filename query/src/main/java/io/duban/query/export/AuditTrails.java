package io.duban.query.export;

import io.duban.query.catalog.CatalogReader;
import io.duban.query.timeline.FindTimeline;
import io.duban.query.timeline.TimelineEntry;
import io.duban.query.web.BadRequestException;
import io.duban.query.web.QueryCalls;
import io.duban.query.web.RequestParams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers an audit trail from the timeline view (through the query bus): a commitment's, a unit's (all its
 * commitments) or a quarter's (every entry in it, business zone). The state after each commitment entry is folded
 * from all of that commitment's entries up to the end of the range, so a quarter's report starts from the state the
 * earlier quarters left. Units are named as the units view knows them (people read names; the id stays beside it).
 */
@Component
public class AuditTrails {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final Function<FindTimeline, List<TimelineEntry>> timeline;
    private final Function<Collection<String>, Map<String, String>> unitNames;

    @Autowired
    public AuditTrails(QueryCalls queries, CatalogReader catalog) {
        this(query -> queries.many(query, TimelineEntry.class), catalog::unitNames);
    }

    AuditTrails(Function<FindTimeline, List<TimelineEntry>> timeline,
                Function<Collection<String>, Map<String, String>> unitNames) {
        this.timeline = timeline;
        this.unitNames = unitNames;
    }

    public AuditTrail trail(String commitmentId, String unitId, String quarter, ZoneId zone) {
        commitmentId = RequestParams.optional(commitmentId);
        unitId = RequestParams.optional(unitId);
        quarter = RequestParams.optional(quarter);
        int given = (commitmentId == null ? 0 : 1) + (unitId == null ? 0 : 1) + (quarter == null ? 0 : 1);
        if (given != 1) {
            throw new BadRequestException("请且只请指定一个导出对象：commitmentId、unitId 或 quarter（如 2026-Q4）"
                    + (given == 0 ? "" : "，收到 " + given + " 个"));
        }
        FindTimeline query;
        String title;
        if (commitmentId != null) {
            query = FindTimeline.commitment(commitmentId);
            title = "承诺 " + commitmentId;
        } else if (unitId != null) {
            query = FindTimeline.unit(unitId);
            title = null; // worded below, with the unit's name
        } else {
            Matcher m = QUARTER.matcher(quarter);
            if (!m.matches()) {
                throw new BadRequestException("参数 quarter 应形如 2026-Q4，收到：" + quarter);
            }
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            query = FindTimeline.everything().between(start.atStartOfDay(zone).toInstant(),
                    start.plusMonths(3).atStartOfDay(zone).toInstant());
            title = quarter + " 季度";
        }
        List<TimelineEntry> entries = timeline.apply(query);
        Set<String> units = new LinkedHashSet<>();
        entries.stream().map(TimelineEntry::unitId).filter(id -> id != null).forEach(units::add);
        if (unitId != null) {
            units.add(unitId);
        }
        Map<String, String> names = units.isEmpty() ? Map.of() : Map.copyOf(unitNames.apply(units));
        if (unitId != null) {
            String name = names.get(unitId);
            title = name == null ? "单位 " + unitId : "单位 " + name + "（" + unitId + "）";
        }
        return new AuditTrail(title, query.from(), query.to(), entries, states(entries, query, commitmentId), names);
    }

    private Map<String, CommitmentState> states(List<TimelineEntry> entries, FindTimeline query, String commitmentId) {
        if (commitmentId != null) {
            return CommitmentStates.after(entries); // already the commitment's whole timeline
        }
        Set<String> commitments = new LinkedHashSet<>();
        entries.stream().filter(e -> "commitment".equals(e.kind())).forEach(e -> commitments.add(e.aggregateId()));
        Map<String, CommitmentState> states = new HashMap<>();
        for (String id : commitments) {
            List<TimelineEntry> history = timeline.apply(FindTimeline.commitment(id).between(null, query.to()));
            states.putAll(CommitmentStates.after(history));
        }
        return states;
    }

}
