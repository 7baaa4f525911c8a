package io.duban.query.scorecard;

import io.duban.query.api.board.FindUnits;
import io.duban.query.api.board.UnitSummary;
import io.duban.query.api.scorecard.FindScorecard;
import io.duban.query.api.scorecard.Scorecard;
import io.duban.query.board.UnitBoardQueries;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@link FindScorecard}: reads the scorecard view whole (one document per unit and policy, one per round) and
 * the units with their current lights (one query), and sums the period with {@link ScorecardRules}.
 */
@Component
public class ScorecardQueries {

    private static final List<String> SECTIONS = List.of("milestones", "reports", "changes", "issues");

    private final MongoTemplate mongo;
    private final UnitBoardQueries units;
    private final Clock clock;

    public ScorecardQueries(MongoTemplate mongo, UnitBoardQueries units, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
    }

    @QueryHandler
    public Scorecard handle(FindScorecard query) {
        if (query.from() == null || query.to() == null) {
            throw new IllegalArgumentException("请给出考核期间的起止日期。");
        }
        if (query.to().isBefore(query.from())) {
            throw new IllegalArgumentException("截止日期不能早于起始日期。");
        }
        Map<String, Document> unitFacts = new HashMap<>();
        Map<String, Document> rounds = new HashMap<>();
        for (Document d : mongo.getCollection(ScorecardProjection.COLLECTION).find()) {
            String id = d.getString("_id");
            if (id.startsWith(ScorecardProjection.ROUND_PREFIX)) {
                rounds.put(d.getString("roundId"), d);
            } else if (id.startsWith(ScorecardProjection.UNIT_PREFIX)) {
                mergeInto(unitFacts.computeIfAbsent(d.getString("unitId"), unit -> empty(d)), d);
            }
        }
        List<UnitSummary> listed = units.handle(new FindUnits()).stream()
                .filter(u -> u.itemCount() > 0 || unitFacts.containsKey(u.unitId()))
                .toList();
        LocalDate today = LocalDate.now(clock);
        return new ScorecardRules(query.from(), query.to(), today, clock.getZone(), rounds).scorecard(listed, unitFacts);
    }

    /** A unit's facts to merge its documents into (one per policy): its fields, with empty sections. */
    private static Document empty(Document first) {
        Document facts = new Document(first);
        SECTIONS.forEach(section -> facts.put(section, new Document()));
        return facts;
    }

    /**
     * Adds a document's entries to the unit's, section by section, in place: copying the growing union for each of a
     * unit's documents made the scorecard quadratic in the number of policies.
     */
    private static void mergeInto(Document facts, Document d) {
        for (String section : SECTIONS) {
            facts.get(section, Document.class).putAll(d.get(section, new Document()));
        }
    }
}
