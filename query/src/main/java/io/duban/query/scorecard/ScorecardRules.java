package io.duban.query.scorecard;

import io.duban.query.api.board.UnitSummary;
import io.duban.query.api.scorecard.Scorecard;
import io.duban.query.api.scorecard.Scorecard.UnitScore;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sums one period from the scorecard view's facts and ranks the units by {@link Scorecard#RULE}. Decided when read:
 * a milestone counts in the period when its due date (after approved changes) lies in it and has passed, or when it is
 * done; a quarterly report when its round's deadline lies in it and has passed, or when it came. Plain code, no I/O.
 */
final class ScorecardRules {

    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate today;
    private final ZoneId zone;
    private final Map<String, Document> rounds;

    ScorecardRules(LocalDate from, LocalDate to, LocalDate today, ZoneId zone, Map<String, Document> rounds) {
        this.from = from;
        this.to = to;
        this.today = today;
        this.zone = zone;
        this.rounds = rounds;
    }

    Scorecard scorecard(List<UnitSummary> units, Map<String, Document> facts) {
        List<UnitScore> scores = new ArrayList<>();
        for (UnitSummary unit : units) {
            scores.add(score(unit, facts.getOrDefault(unit.unitId(), new Document())));
        }
        Comparator<UnitScore> byName = Comparator.comparing(UnitScore::unitName, CHINESE);
        List<UnitScore> ranked = scores.stream().filter(UnitScore::ranked)
                .sorted(Comparator.comparing(UnitScore::score).reversed()
                        .thenComparingLong(UnitScore::daysLate).thenComparing(byName))
                .toList();
        List<UnitScore> result = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            UnitScore s = ranked.get(i);
            UnitScore previous = i == 0 ? null : result.get(i - 1);
            // equal score and equal days late share a rank (1, 2, 2, 4)
            int rank = previous != null && previous.score().equals(s.score()) && previous.daysLate() == s.daysLate()
                    ? previous.rank() : i + 1;
            result.add(withRank(s, rank));
        }
        scores.stream().filter(s -> !s.ranked()).sorted(byName).forEach(result::add);
        return new Scorecard(from, to, today, result);
    }

    private UnitScore score(UnitSummary unit, Document facts) {
        MilestoneTally milestones = new MilestoneTally(from, to, today);
        for (Document m : entries(facts, "milestones")) {
            milestones.add(StoredTime.date(m.get("dueDate")), date(m.get("completedAt")));
        }
        int reportsDue = 0, reportsOnTime = 0, reportsLate = 0;
        for (Document r : entries(facts, "reports")) {
            Document round = rounds.get(r.getString("roundId"));
            LocalDate deadline = round == null ? null : reportDeadline(round, r);
            LocalDate reported = date(r.get("reportedAt"));
            boolean closed = round != null && round.getBoolean("closed", false);
            if (deadline == null || !inPeriod(deadline) || (reported == null && !closed && !deadline.isBefore(today))) {
                continue;
            }
            reportsDue++;
            if (reported != null && reported.isAfter(deadline)) {
                reportsLate++;
            } else if (reported != null) {
                reportsOnTime++;
            }
        }
        int missing = reportsDue - reportsOnTime - reportsLate;
        int requested = 0, approved = 0;
        for (Document c : entries(facts, "changes")) {
            requested += inPeriod(date(c.get("requestedAt"))) ? 1 : 0;
            approved += "APPROVED".equals(c.getString("decision")) && inPeriod(date(c.get("decidedAt"))) ? 1 : 0;
        }
        int raised = 0, resolved = 0;
        for (Document i : entries(facts, "issues")) {
            raised += inPeriod(date(i.get("raisedAt"))) ? 1 : 0;
            resolved += inPeriod(date(i.get("resolvedAt"))) ? 1 : 0;
        }
        UnitScore unscored = new UnitScore(0, unit.unitId(), unit.name(), null, milestones.due(), milestones.onTime(),
                milestones.late(), milestones.overdue(), milestones.daysLate(), milestones.maxDaysLate(), reportsDue, reportsOnTime, reportsLate, missing, requested, approved, raised, resolved,
                unit.lights());
        return withScore(unscored, points(unscored));
    }

    /** The rule of {@link Scorecard#RULE}; null when nothing was due. */
    static Double points(UnitScore s) {
        Double onTime = s.onTimeRate();
        Double reports = s.reportRate();
        double points;
        if (onTime != null && reports != null) {
            points = Scorecard.MILESTONE_WEIGHT * onTime + Scorecard.REPORT_WEIGHT * reports;
        } else if (onTime != null) {
            points = 100 * onTime;
        } else if (reports != null) {
            points = 100 * reports;
        } else {
            return null;
        }
        points = Math.max(0, points - Scorecard.MISSING_REPORT_PENALTY * s.reportsMissing());
        return BigDecimal.valueOf(points).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * The round's report deadline; for a commitment the round listed only after that deadline (registered late in the
     * quarter) the quarter's last day, so nobody owes a report for a deadline that passed before they joined.
     */
    private LocalDate reportDeadline(Document round, Document entry) {
        LocalDate deadline = StoredTime.date(round.get("reportDeadline"));
        LocalDate quarterEnd = StoredTime.date(round.get("quarterEnd"));
        LocalDate joined = date(entry.get("joinedAt") != null ? entry.get("joinedAt") : entry.get("reportedAt"));
        if (deadline == null || joined == null || !joined.isAfter(deadline)) {
            return deadline;
        }
        return quarterEnd == null || joined.isAfter(quarterEnd) ? joined : quarterEnd;
    }

    private boolean inPeriod(LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }

    private LocalDate date(Object stored) {
        Instant at = StoredTime.instant(stored);
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }

    private static List<Document> entries(Document facts, String section) {
        Document map = facts.get(section, Document.class);
        return map == null ? List.of() : map.values().stream().map(Document.class::cast).toList();
    }

    private static UnitScore withScore(UnitScore s, Double score) {
        return new UnitScore(s.rank(), s.unitId(), s.unitName(), score, s.milestonesDue(), s.milestonesOnTime(),
                s.milestonesLate(), s.milestonesOverdue(), s.daysLate(), s.maxDaysLate(), s.reportsDue(),
                s.reportsOnTime(), s.reportsLate(), s.reportsMissing(), s.changesRequested(), s.changesApproved(),
                s.issuesRaised(), s.issuesResolved(), s.lights());
    }

    private static UnitScore withRank(UnitScore s, int rank) {
        return new UnitScore(rank, s.unitId(), s.unitName(), s.score(), s.milestonesDue(), s.milestonesOnTime(),
                s.milestonesLate(), s.milestonesOverdue(), s.daysLate(), s.maxDaysLate(), s.reportsDue(),
                s.reportsOnTime(), s.reportsLate(), s.reportsMissing(), s.changesRequested(), s.changesApproved(),
                s.issuesRaised(), s.issuesResolved(), s.lights());
    }
}
