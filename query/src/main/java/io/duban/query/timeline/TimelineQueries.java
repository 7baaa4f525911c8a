package io.duban.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
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
                .find(Filters.and(Filters.eq("aggregateId", query.aggregateId()), Filters.eq("kind", query.kind())))
                .sort(Sorts.ascending("sequence"))
                .into(new ArrayList<>());
        if (documents.isEmpty()) {
            throw new NotFoundException("未找到动态记录：" + query.aggregateId());
        }
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
}
