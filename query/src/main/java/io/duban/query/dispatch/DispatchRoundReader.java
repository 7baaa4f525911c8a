package io.duban.query.dispatch;

import io.duban.query.api.dispatch.DispatchRoundView;
import com.mongodb.client.model.Filters;
import com.mongodb.client.MongoCollection;
import io.duban.query.commitment.BoardRowReader;
import io.duban.query.view.StampedCache;
import io.duban.query.view.ViewStamps;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.HashMap;
import java.util.Comparator;
import java.util.Optional;

/**
 * Reads the {@code dispatch_rounds} view, each round with the commitments that owe no report
 * ({@link ReportExemptions}, from the units' board digests). A round read by id is kept while the view's stamp stays:
 * 总览 and 待办 ask for the current quarter's on each view, and its documents list every commitment of the round.
 */
@Component
public class DispatchRoundReader {

    private final MongoTemplate mongo;
    private final BoardRowReader commitments;
    private final Clock clock;
    /** Rounds as read, before exemptions (which follow the board rows), kept while the rounds view stays. */
    private final StampedCache<String, Optional<Read>> rounds;

    /** A round as its documents say, and when the round listed each commitment. */
    private record Read(DispatchRoundView round, Map<String, java.time.Instant> joinedAt) {
    }

    public DispatchRoundReader(MongoTemplate mongo, BoardRowReader commitments, Clock clock) {
        this.mongo = mongo;
        this.commitments = commitments;
        this.clock = clock;
        this.rounds = new StampedCache<>(new ViewStamps(mongo), DispatchRoundsProjection.COLLECTION, 8);
    }

    public Optional<DispatchRoundView> byId(String roundId) {
        return rounds.get(roundId, () -> read(roundId)).map(this::withExemptions);
    }

    private Optional<Read> read(String roundId) {
        MongoCollection<Document> view = mongo.getCollection(DispatchRoundsProjection.COLLECTION);
        Document header = view.find(Filters.and(Filters.eq("_id", roundId), Filters.gte("lastSequence", 0L))).first();
        if (header == null) {
            return Optional.empty();
        }
        List<Document> buckets = new ArrayList<>();
        view.find(Filters.eq(DispatchRoundsProjection.ROUND, roundId)).forEach(buckets::add);
        Document round = assembled(header, buckets);
        return Optional.of(new Read(DispatchRoundDocuments.view(round), DispatchRoundDocuments.joinedAt(round)));
    }

    /** Every round, latest first. */
    public List<DispatchRoundView> all() {
        Map<String, Document> headers = new TreeMap<>(Comparator.reverseOrder());
        Map<String, List<Document>> buckets = new HashMap<>();
        mongo.getCollection(DispatchRoundsProjection.COLLECTION).find(Filters.gte("lastSequence", 0L)).forEach(d -> {
            String round = d.getString(DispatchRoundsProjection.ROUND);
            if (round == null) {
                headers.put(d.getString("_id"), d);
            } else {
                buckets.computeIfAbsent(round, r -> new ArrayList<>()).add(d);
            }
        });
        List<DispatchRoundView> rounds = new ArrayList<>();
        headers.forEach((id, header) -> rounds.add(view(assembled(header, buckets.getOrDefault(id, List.of())))));
        return rounds;
    }

    /**
     * The round as one document: the header with the lists of its policies' buckets appended, in policy order (a
     * round written before buckets existed keeps its lists in the header, and they come first).
     */
    private static Document assembled(Document header, List<Document> buckets) {
        Document round = new Document(header);
        List<Document> ordered = new ArrayList<>(buckets);
        ordered.sort(Comparator.comparing(b -> b.getString("_id")));
        for (String list : List.of("commitmentIds", "joins", "reports")) {
            List<Object> all = new ArrayList<>(header.getList(list, Object.class, List.of()));
            ordered.forEach(b -> all.addAll(b.getList(list, Object.class, List.of())));
            round.put(list, all);
        }
        return round;
    }

    private DispatchRoundView view(Document document) {
        return withExemptions(new Read(DispatchRoundDocuments.view(document), DispatchRoundDocuments.joinedAt(document)));
    }

    private DispatchRoundView withExemptions(Read read) {
        DispatchRoundView round = read.round();
        List<String> withoutReport = round.withoutReport();
        if (withoutReport.isEmpty()) {
            return round;
        }
        return round.withExempt(ReportExemptions.exempt(withoutReport, read.joinedAt(),
                commitments.verifiedAt(withoutReport), round.reportDeadline(), round.quarterEnd(), clock.getZone()));
    }
}
