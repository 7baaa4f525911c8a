package io.duban.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Answers timeline queries from the {@code timeline} view. */
@Component
public class TimelineQueries {

    private final MongoTemplate mongo;

    public TimelineQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public List<TimelineEntry> handle(FindTimeline query) {
        List<TimelineEntry> entries = new ArrayList<>();
        mongo.getCollection(TimelineProjection.COLLECTION)
                .find(Filters.eq("aggregateId", query.aggregateId()))
                .sort(Sorts.ascending("sequence"))
                .forEach(document -> entries.add(TimelineEntry.from(document)));
        if (entries.isEmpty()) {
            throw new NotFoundException("未找到动态记录：" + query.aggregateId());
        }
        return entries;
    }
}
