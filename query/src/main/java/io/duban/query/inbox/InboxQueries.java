package io.duban.query.inbox;

import io.duban.command.api.CommitmentId;
import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.escalation.EscalationEntry;
import io.duban.query.api.inbox.FindOfficeInbox;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.api.inbox.OfficeInbox.CompletionClaim;
import io.duban.query.api.inbox.OfficeInbox.DeadlineChange;
import io.duban.query.api.inbox.OfficeInbox.Escalation;
import io.duban.query.api.inbox.OfficeInbox.LateReports;
import io.duban.query.api.inbox.OfficeInbox.LateUnit;
import io.duban.query.api.inbox.OfficeInbox.MajorIssue;
import io.duban.query.api.inbox.OfficeInbox.Subject;
import io.duban.query.api.catalog.UnitView;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.commitment.BoardRowReader;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.dispatch.DispatchRoundReader;
import io.duban.query.escalation.EscalationQueries;
import io.duban.query.inbox.WaitingOrder.Ref;
import io.duban.query.light.TrafficLights;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.text.Collator;
import java.time.LocalDate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Answers {@link FindOfficeInbox} with a fixed number of reads whatever the number of rows, each by {@code _id}: the
 * units' board digests (ids and times of what waits: {@link WaitingOrder} orders the four lists and counts them), the
 * page's commitments from the commitments view by id, the current quarter's round and the names of its late units.
 * The two views are fed by separate processors: a row the board rows list but whose commitment does not show it (yet,
 * or any more) is left out of the page until both agree, a moment later.
 */
@Component
public class InboxQueries {

    static final String FINAL_DUE_DATE = "最终完成期限";

    private final BoardRowReader rows;
    private final CommitmentReader commitments;
    private final EscalationQueries escalations;
    private final DispatchRoundReader rounds;
    private final CatalogReader catalog;
    private final TrafficLights lights;

    public InboxQueries(BoardRowReader rows, CommitmentReader commitments, EscalationQueries escalations,
                        DispatchRoundReader rounds, CatalogReader catalog, TrafficLights lights) {
        this.rows = rows;
        this.commitments = commitments;
        this.escalations = escalations;
        this.rounds = rounds;
        this.catalog = catalog;
        this.lights = lights;
    }

    @QueryHandler
    public OfficeInbox handle(FindOfficeInbox query) {
        LocalDate today = lights.today();
        WaitingOrder all = WaitingOrder.of(rows.entries(catalog.units().stream().map(UnitView::unitId).toList())
                .awaitingTheOffice());
        WaitingOrder page = all.page(query.offset(), query.limit());
        Map<String, CommitmentView> byId = commitments.byIds(page.commitmentIds());
        Map<String, Subject> subjects = new HashMap<>();
        byId.values().forEach(c -> subjects.put(c.commitmentId(), subject(c)));

        List<DeadlineChange> changes = new ArrayList<>();
        for (Ref ref : page.deadlineChanges()) {
            CommitmentView c = byId.get(ref.commitmentId());
            if (c == null) {
                continue;
            }
            Map<String, String> titles = c.milestones().stream()
                    .collect(Collectors.toMap(MilestoneView::milestoneId, MilestoneView::title, (a, b) -> a));
            c.pendingDeadlineChanges().stream().filter(p -> p.changeId().equals(ref.key())).findFirst()
                    .ifPresent(p -> changes.add(new DeadlineChange(subjects.get(c.commitmentId()), p.changeId(),
                            p.milestoneId(), p.milestoneId() == null ? FINAL_DUE_DATE : titles.get(p.milestoneId()),
                            p.currentDueDate(), p.requestedDueDate(), p.direction(), p.reason(), p.requestedBy(),
                            p.requestedAt())));
        }
        List<CompletionClaim> claims = new ArrayList<>();
        for (Ref ref : page.completionClaims()) {
            CommitmentView c = byId.get(ref.commitmentId());
            if (c != null && c.status() == CommitmentStatus.COMPLETION_CLAIMED && c.completionClaim() != null) {
                claims.add(new CompletionClaim(subjects.get(c.commitmentId()), c.completionClaim().summary(),
                        c.completionClaim().claimedBy(), c.completionClaim().claimedAt(),
                        (int) c.milestones().stream().filter(m -> !m.completed()).count(), c.claimEvidence(),
                        c.evidenceWaiver() != null));
            }
        }
        List<MajorIssue> issues = new ArrayList<>();
        for (Ref ref : page.majorIssues()) {
            CommitmentView c = byId.get(ref.commitmentId());
            if (c == null) {
                continue;
            }
            c.openIssues().stream().filter(i -> i.issueId().equals(ref.key())).findFirst()
                    .ifPresent(i -> issues.add(new MajorIssue(subjects.get(c.commitmentId()), i.issueId(), i.summary(),
                            i.detail(), i.raisedBy(), i.raisedAt())));
        }
        return new OfficeInbox(today, List.copyOf(changes), List.copyOf(claims), List.copyOf(issues),
                escalations(page.escalations(), byId, subjects), lateReports(today), all.totals(), query.offset());
    }

    /** The page's cases at the office's level, as the escalation list counts them, in the page's order. */
    private List<Escalation> escalations(List<Ref> refs, Map<String, CommitmentView> byId, Map<String, Subject> subjects) {
        List<CommitmentView> escalated = refs.stream().map(Ref::commitmentId).distinct().map(byId::get)
                .filter(java.util.Objects::nonNull).toList();
        Map<String, EscalationEntry> entries = new HashMap<>();
        escalations.entries(escalated).forEach(e -> entries.put(caseOf(e.commitmentId(), e.milestoneId(), e.dueDate()), e));
        List<Escalation> atOffice = new ArrayList<>();
        for (Ref ref : refs) {
            EscalationEntry e = entries.get(caseOf(ref.commitmentId(), ref.key(), ref.dueDate()));
            if (e == null || e.level() < OfficeInbox.OFFICE_LEVEL) {
                continue; // the commitments view has not seen the case reach the office (yet): shown next time
            }
            CommitmentView c = byId.get(e.commitmentId());
            atOffice.add(new Escalation(subjects.get(c.commitmentId()), e.milestoneId() == null ? "final" : e.milestoneId(),
                    e.milestoneTitle(), e.dueDate(), e.level(), e.levelSince(), e.calendarDaysOverdue(),
                    e.workingDaysOverdue(), c.urgeCount(), c.lastUrgedAt()));
        }
        return List.copyOf(atOffice);
    }

    private static String caseOf(String commitmentId, String milestoneId, LocalDate dueDate) {
        return commitmentId + "|" + milestoneId + "|" + dueDate;
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
