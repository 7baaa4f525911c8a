package io.duban.query.overdue;

import com.mongodb.client.model.Projections;
import io.duban.query.api.overdue.FindOverdueHistory;
import io.duban.query.api.overdue.OverdueHistory;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import io.duban.query.view.StampedCache;
import io.duban.query.view.ViewStamps;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Answers {@link FindOverdueHistory}: one read of the {@value OverdueHistoryProjection#COLLECTION} view (a document per
 * commitment that was ever overdue), folded into daily counts by {@link OverdueFold} in the clock's zone.
 */
@Component
public class OverdueHistoryQueries {

    private final MongoTemplate mongo;
    private final Clock clock;
    /** Every commitment's steps folded, kept while the view stays (总览 asks on each view; days() only reads it). */
    private final StampedCache<String, OverdueFold> folded;

    public OverdueHistoryQueries(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.folded = new StampedCache<>(new ViewStamps(mongo), OverdueHistoryProjection.COLLECTION, 1);
    }

    @QueryHandler
    public OverdueHistory handle(FindOverdueHistory query) {
        if (query.from() == null || query.to() == null) {
            throw new IllegalArgumentException("请给出起止日期。");
        }
        if (query.to().isBefore(query.from())) {
            throw new IllegalArgumentException("截止日期不能早于起始日期。");
        }
        if (ChronoUnit.DAYS.between(query.from(), query.to()) + 1 > FindOverdueHistory.MAX_DAYS) {
            throw new IllegalArgumentException("起止日期最多相隔三年。");
        }
        LocalDate today = LocalDate.now(clock);
        OverdueFold fold = folded.get("all", this::fold);
        LocalDate last = query.to().isAfter(today) ? today : query.to();
        return new OverdueHistory(query.from(), query.to(), today, fold.days(query.from(), last));
    }

    private OverdueFold fold() {
        OverdueFold fold = new OverdueFold(clock.getZone());
        for (Document d : mongo.getCollection(OverdueHistoryProjection.COLLECTION).find()
                .projection(Projections.include("steps"))) {
            fold.add(d.getList("steps", Document.class));
        }
        return fold;
    }
}
