package io.duban.query.dispatch;

import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.dispatch.FindDispatchRounds;
import io.duban.query.api.dispatch.FindDispatchRound;
import io.duban.query.api.dispatch.FindDispatchDigest;
import io.duban.query.api.dispatch.FindDispatchDigestCsv;
import io.duban.query.api.dispatch.DigestFile;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.dispatch.DispatchDigest;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.api.catalog.ItemRef;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.dispatch.DispatchDigest.Counts;
import io.duban.query.api.dispatch.DispatchDigest.Entry;
import io.duban.query.api.dispatch.DispatchDigest.ItemRow;
import io.duban.query.api.dispatch.DispatchDigest.OverdueCase;
import io.duban.query.api.dispatch.DispatchDigest.UnitRow;
import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;
import io.duban.query.light.TrafficLights;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.text.Collator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Answers the dispatch round queries; the digest joins the commitments view and the lights when read. */
@Component
public class DispatchQueries {

    private final DispatchRoundReader rounds;
    private final CommitmentReader commitments;
    private final CatalogReader catalog;
    private final TrafficLights lights;

    public DispatchQueries(DispatchRoundReader rounds, CommitmentReader commitments, CatalogReader catalog,
                           TrafficLights lights) {
        this.rounds = rounds;
        this.commitments = commitments;
        this.catalog = catalog;
        this.lights = lights;
    }

    @QueryHandler
    public List<DispatchRoundView> handle(FindDispatchRounds query) {
        return rounds.all();
    }

    @QueryHandler
    public DispatchRoundView handle(FindDispatchRound query) {
        return round(query.roundId());
    }

    @QueryHandler
    public DispatchDigest handle(FindDispatchDigest query) {
        DispatchRoundView round = round(query.roundId());
        LocalDate asOf = round.closed() || lights.today().isAfter(round.quarterEnd()) ? round.quarterEnd()
                : lights.today();
        TrafficLights judge = lights.asOf(asOf);
        Map<String, DispatchRoundView.Report> reports = new LinkedHashMap<>();
        round.reports().forEach(r -> reports.put(r.commitmentId(), r));
        List<String> notReported = round.notReportedNow();

        List<Judged> judged = new ArrayList<>();
        for (String id : round.commitmentIds()) {
            Optional<CommitmentView> found = commitments.byId(id);
            if (found.isEmpty()) {
                continue;
            }
            CommitmentView c = found.get();
            Light light = judge.of(c);
            DispatchRoundView.Report report = reports.get(id);
            boolean exempt = round.exempt().contains(id);
            boolean reported = !exempt && !notReported.contains(id);
            judged.add(new Judged(c, light, new Entry(id, c.policyId(), c.itemNumber(), c.unitId(), c.unitName(),
                    light.label(), c.progress(), reported, report != null && report.late(), exempt)));
        }
        Comparator<Judged> order = Comparator.comparing((Judged j) -> j.c.policyId()).thenComparingInt(j -> j.c.itemNumber())
                .thenComparing(j -> j.c.unitName(), Comparator.nullsLast(Collator.getInstance(Locale.CHINA)));
        judged.sort(order);

        List<ItemRow> byItem = group(judged, j -> new ItemRef(j.c.policyId(), j.c.itemNumber())).values().stream()
                .map(g -> new ItemRow(g.get(0).c.policyId(), g.get(0).c.itemNumber(),
                        catalog.item(g.get(0).c.policyId(), g.get(0).c.itemNumber()).map(ItemView::text).orElse(null),
                        counts(g)))
                .toList();
        List<UnitRow> byUnit = group(judged, j -> j.c.unitId()).values().stream()
                .sorted(Comparator.comparing(g -> g.get(0).c.unitName(), Comparator.nullsLast(Collator.getInstance(Locale.CHINA))))
                .map(g -> new UnitRow(g.get(0).c.unitId(), g.get(0).c.unitName(), counts(g),
                        g.stream().map(Judged::entry).filter(Entry::missing).toList()))
                .toList();
        List<OverdueCase> worst = judged.stream().filter(j -> j.light.color() == LightColor.RED)
                .map(j -> overdueCase(j, asOf))
                .sorted(Comparator.comparingLong(OverdueCase::daysOverdue).reversed()
                        .thenComparing(OverdueCase::commitmentId))
                .limit(DispatchDigest.WORST_OVERDUE_LIMIT)
                .toList();
        return new DispatchDigest(round.roundId(), round.quarterStart(), round.quarterEnd(), round.reportDeadline(),
                round.status(), asOf, counts(judged), byItem, byUnit,
                judged.stream().map(Judged::entry).filter(Entry::missing).toList(), worst,
                judged.stream().map(Judged::entry).filter(Entry::exempt).toList());
    }

    @QueryHandler
    public DigestFile handle(FindDispatchDigestCsv query) {
        DispatchDigest digest = handle(new FindDispatchDigest(query.roundId()));
        return new DigestFile("dispatch-" + digest.roundId() + ".csv", DigestDocuments.csv(digest));
    }

    private DispatchRoundView round(String roundId) {
        return rounds.byId(roundId).orElseThrow(() -> new NotFoundException("未找到季度调度：" + roundId));
    }

    private record Judged(CommitmentView c, Light light, Entry entry) {
    }

    private static <K> Map<K, List<Judged>> group(List<Judged> judged, Function<Judged, K> key) {
        Map<K, List<Judged>> groups = new LinkedHashMap<>();
        judged.forEach(j -> groups.computeIfAbsent(key.apply(j), k -> new ArrayList<>()).add(j));
        return groups;
    }

    private static Counts counts(List<Judged> group) {
        int green = 0, yellow = 0, red = 0, done = 0, reported = 0, exempt = 0;
        for (Judged j : group) {
            switch (j.light.color()) {
                case GREEN -> green++;
                case YELLOW -> yellow++;
                case RED -> red++;
                case DONE -> done++;
                default -> { }
            }
            if (j.entry.reported()) {
                reported++;
            } else if (j.entry.exempt()) {
                exempt++;
            }
        }
        return new Counts(group.size(), green, yellow, red, done, reported, group.size() - reported - exempt, exempt);
    }

    /** The earliest missed due date: an uncompleted milestone's, or the final one unless completion is claimed. */
    private static OverdueCase overdueCase(Judged j, LocalDate asOf) {
        CommitmentView c = j.c;
        Stream<LocalDate> milestones = c.milestones().stream().filter(m -> !m.completed()).map(m -> m.dueDate());
        Stream<LocalDate> last = c.status() == CommitmentStatus.COMPLETION_CLAIMED ? Stream.empty() : Stream.of(c.dueDate());
        LocalDate since = Stream.concat(milestones, last).filter(d -> d != null && d.isBefore(asOf))
                .min(Comparator.naturalOrder()).orElse(asOf);
        return new OverdueCase(c.commitmentId(), c.policyId(), c.itemNumber(), c.unitId(), c.unitName(),
                c.progress(),
                since, ChronoUnit.DAYS.between(since, asOf), j.light.reasons());
    }
}
