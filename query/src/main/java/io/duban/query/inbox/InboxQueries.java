package io.duban.query.inbox;

import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.escalation.EscalationEntry;
import io.duban.query.api.escalation.FindEscalations;
import io.duban.query.api.inbox.FindOfficeInbox;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.api.inbox.OfficeInbox.CompletionClaim;
import io.duban.query.api.inbox.OfficeInbox.DeadlineChange;
import io.duban.query.api.inbox.OfficeInbox.Escalation;
import io.duban.query.api.inbox.OfficeInbox.LateReports;
import io.duban.query.api.inbox.OfficeInbox.LateUnit;
import io.duban.query.api.inbox.OfficeInbox.MajorIssue;
import io.duban.query.api.inbox.OfficeInbox.Subject;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.dispatch.DispatchRoundReader;
import io.duban.query.escalation.EscalationQueries;
import io.duban.query.light.TrafficLights;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers {@link FindOfficeInbox} with a fixed number of reads whatever the number of rows: the commitments waiting
 * for the office (one read of the commitments view), the escalation list ({@link EscalationQueries}), the current
 * quarter's round and the names of its late units.
 */
@Component
public class InboxQueries {

    static final String FINAL_DUE_DATE = "最终完成期限";

    private final CommitmentReader commitments;
    private final EscalationQueries escalations;
    private final DispatchRoundReader rounds;
    private final CatalogReader catalog;
    private final TrafficLights lights;

    public InboxQueries(CommitmentReader commitments, EscalationQueries escalations, DispatchRoundReader rounds,
                        CatalogReader catalog, TrafficLights lights) {
        this.commitments = commitments;
        this.escalations = escalations;
        this.rounds = rounds;
        this.catalog = catalog;
        this.lights = lights;
    }

    @QueryHandler
    public OfficeInbox handle(FindOfficeInbox query) {
        LocalDate today = lights.today();
        List<CommitmentView> waiting = commitments.awaitingTheOffice(OfficeInbox.OFFICE_LEVEL);
        Map<String, CommitmentView> byId = waiting.stream()
                .collect(Collectors.toMap(CommitmentView::commitmentId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Subject> subjects = new LinkedHashMap<>();
        waiting.forEach(c -> subjects.put(c.commitmentId(), subject(c)));

        List<DeadlineChange> changes = new ArrayList<>();
        List<CompletionClaim> claims = new ArrayList<>();
        List<MajorIssue> issues = new ArrayList<>();
        for (CommitmentView c : waiting) {
            Subject subject = subjects.get(c.commitmentId());
            Map<String, String> titles = c.milestones().stream()
                    .collect(Collectors.toMap(MilestoneView::milestoneId, MilestoneView::title, (a, b) -> a));
            c.pendingDeadlineChanges().forEach(p -> changes.add(new DeadlineChange(subject, p.changeId(),
                    p.milestoneId(), p.milestoneId() == null ? FINAL_DUE_DATE : titles.get(p.milestoneId()),
                    p.currentDueDate(), p.requestedDueDate(), p.direction(), p.reason(), p.requestedBy(),
                    p.requestedAt())));
            if (c.status() == CommitmentStatus.COMPLETION_CLAIMED && c.completionClaim() != null) {
                claims.add(new CompletionClaim(subject, c.completionClaim().summary(), c.completionClaim().claimedBy(),
                        c.completionClaim().claimedAt(),
                        (int) c.milestones().stream().filter(m -> !m.completed()).count(), c.claimEvidence(),
                        c.evidenceWaiver() != null));
            }
            c.openIssues().forEach(i -> issues.add(new MajorIssue(subject, i.issueId(), i.summary(), i.detail(),
                    i.raisedBy(), i.raisedAt())));
        }
        changes.sort(Comparator.comparing(DeadlineChange::requestedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        claims.sort(Comparator.comparing(CompletionClaim::claimedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        issues.sort(Comparator.comparing(MajorIssue::raisedAt, Comparator.nullsLast(Comparator.naturalOrder())));

        List<Escalation> atOffice = new ArrayList<>();
        for (EscalationEntry e : escalations.handle(FindEscalations.all())) {
            CommitmentView c = byId.get(e.commitmentId());
            if (e.level() < OfficeInbox.OFFICE_LEVEL || c == null) {
                continue; // below the office's level; or escalated between the two reads: shown next time
            }
            atOffice.add(new Escalation(subjects.get(c.commitmentId()), e.milestoneId() == null ? "final" : e.milestoneId(),
                    e.milestoneTitle(), e.dueDate(), e.level(), e.levelSince(), e.calendarDaysOverdue(),
                    e.workingDaysOverdue(), c.urgeCount(), c.lastUrgedAt()));
        }
        return new OfficeInbox(today, List.copyOf(changes), List.copyOf(claims), List.copyOf(issues),
                List.copyOf(atOffice), lateReports(today));
    }

    private Subject subject(CommitmentView c) {
        return new Subject(c.commitmentId(), c.policyId(), c.itemNumber(), c.unitId(), c.unitName(), c.progress(),
                lights.of(c));
    }

    /** The units whose commitments owe the current round their report; the ids carry the unit, names come from the catalog. */
    private LateReports lateReports(LocalDate today) {
        String roundId = DispatchRoundId.of(today);
        Optional<DispatchRoundView> found = rounds.byId(roundId);
        if (found.isEmpty()) {
            return new LateReports(roundId, "NOT_OPENED", null, false, List.of());
        }
        DispatchRoundView round = found.get();
        boolean passed = round.reportDeadline() != null && today.isAfter(round.reportDeadline());
        if (round.closed()) {
            return new LateReports(roundId, round.status(), round.reportDeadline(), passed, List.of());
        }
        Map<String, List<String>> byUnit = new TreeMap<>();
        round.notReportedNow().stream().sorted()
                .forEach(id -> byUnit.computeIfAbsent(CommitmentId.unitOf(id), u -> new ArrayList<>()).add(id));
        Map<String, String> names = catalog.unitNames(byUnit.keySet());
        Collator chinese = Collator.getInstance(Locale.CHINA);
        List<LateUnit> units = byUnit.entrySet().stream()
                .map(e -> new LateUnit(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), List.copyOf(e.getValue())))
                .sorted(Comparator.comparingInt((LateUnit u) -> -u.notReported().size())
                        .thenComparing(LateUnit::unitName, chinese))
                .toList();
        return new LateReports(roundId, round.status(), round.reportDeadline(), passed, units);
    }
}
