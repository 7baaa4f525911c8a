package io.duban.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.duban.command.api.Channel;
import io.duban.query.api.timeline.FindTimelinePage;
import io.duban.query.api.timeline.TimelinePage;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.view.StoredTime;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers timeline queries from the {@code timeline} view. Directory entries get their summary worded again with
 * the unit names the units view knows now (a unit no policy lists keeps its id).
 */
@Component
public class TimelineQueries {

    private final MongoTemplate mongo;
    private final CatalogReader catalog;

    public TimelineQueries(MongoTemplate mongo, CatalogReader catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    @QueryHandler
    public List<TimelineEntry> handle(FindTimeline query) {
        List<Document> documents = mongo.getCollection(TimelineProjection.COLLECTION)
                .find(filter(query))
                .sort(query.oneAggregate() ? Sorts.ascending("sequence")
                        : Sorts.ascending("at", "aggregateId", "sequence"))
                .into(new ArrayList<>());
        if (documents.isEmpty() && query.oneAggregate() && !query.filtered()) {
            throw new NotFoundException("未找到动态记录：" + query.aggregateId());
        }
        return entries(documents);
    }

    /**
     * A page of the audit page's search: every filter given narrows, by time, then aggregate and sequence (the
     * reverse when newest first); one count and one page read.
     */
    @QueryHandler
    public TimelinePage handle(FindTimelinePage query) {
        Bson filter = filter(query);
        long total = mongo.getCollection(TimelineProjection.COLLECTION).countDocuments(filter);
        List<Document> documents = mongo.getCollection(TimelineProjection.COLLECTION)
                .find(filter)
                .sort(query.newestFirst() ? Sorts.descending("at", "aggregateId", "sequence")
                        : Sorts.ascending("at", "aggregateId", "sequence"))
                .skip(query.page() * query.size())
                .limit(query.size())
                .into(new ArrayList<>());
        List<TimelinePage.Row> rows = entries(documents).stream()
                .map(e -> new TimelinePage.Row(e.eventId(), e.aggregateId(), e.kind(), e.policyId(), e.itemNumber(),
                        e.unitId(), e.sequence(), e.type(), e.at(), e.actor(), e.channel(), e.messageId(),
                        e.summary()))
                .toList();
        return new TimelinePage(rows, total, query.page(), query.size());
    }

    private List<TimelineEntry> entries(List<Document> documents) {
        List<DirectoryDetails> details = documents.stream().map(DirectoryDetails::in).toList();
        Map<String, String> unitNames = catalog.unitNames(details.stream().filter(Objects::nonNull)
                .filter(d -> d.unitIds() != null).flatMap(d -> d.unitIds().stream()).toList());
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            TimelineEntry entry = TimelineEntry.from(documents.get(i));
            DirectoryDetails directory = details.get(i);
            entries.add(directory == null ? entry
                    : entry.withSummary(TimelineSummaries.of(directory, id -> unitNames.getOrDefault(id, id))));
        }
        return entries;
    }

    static Bson filter(FindTimelinePage query) {
        List<Bson> all = new ArrayList<>();
        if (query.commitmentId() != null) {
            all.add(Filters.eq("aggregateId", query.commitmentId()));
            all.add(Filters.eq("kind", TimelineProjection.COMMITMENT));
        }
        if (query.policyId() != null) {
            all.add(Filters.eq("policyId", query.policyId()));
            all.add(Filters.eq("itemNumber", query.itemNumber()));
            all.add(Filters.eq("kind", TimelineProjection.COMMITMENT));
        }
        if (query.unitId() != null) {
            all.add(Filters.eq("unitId", query.unitId()));
            all.add(Filters.eq("kind", TimelineProjection.COMMITMENT));
        }
        if (query.userId() != null) {
            all.add(Filters.or(Filters.eq("actor.userId", query.userId()),
                    Filters.and(Filters.eq("kind", TimelineProjection.OFFICIAL),
                            Filters.eq("aggregateId", query.userId()))));
        }
        FindTimeline narrowing = FindTimeline.everything().between(query.from(), query.to()).ofTypes(query.types())
                .through(query.channels());
        Bson rest = filter(narrowing);
        if (rest instanceof Document d && d.isEmpty()) {
            return all.isEmpty() ? new Document() : Filters.and(all);
        }
        all.add(rest);
        return Filters.and(all);
    }

    static Bson filter(FindTimeline query) {
        List<Bson> all = new ArrayList<>();
        if (query.aggregateId() != null) {
            all.add(Filters.eq("aggregateId", query.aggregateId()));
            all.add(Filters.eq("kind", query.kind()));
        } else if (query.policyId() != null) {
            all.add(Filters.eq("policyId", query.policyId()));
            all.add(Filters.eq("itemNumber", query.itemNumber()));
            all.add(Filters.eq("kind", TimelineProjection.COMMITMENT));
        } else if (query.unitId() != null) {
            all.add(Filters.eq("unitId", query.unitId()));
            all.add(Filters.eq("kind", TimelineProjection.COMMITMENT));
        } else if (query.userId() != null) {
            all.add(Filters.or(Filters.eq("actor.userId", query.userId()),
                    Filters.and(Filters.eq("kind", TimelineProjection.OFFICIAL),
                            Filters.eq("aggregateId", query.userId()))));
        }
        if (query.from() != null) {
            all.add(Filters.gte("at", StoredTime.instant(query.from())));
        }
        if (query.to() != null) {
            all.add(Filters.lt("at", StoredTime.instant(query.to())));
        }
        if (!query.types().isEmpty()) {
            all.add(Filters.in("type", query.types()));
        }
        if (!query.channels().isEmpty()) {
            all.add(Filters.in("channel", query.channels().stream().map(Channel::name).toList()));
        }
        return all.isEmpty() ? new Document() : Filters.and(all);
    }
}
