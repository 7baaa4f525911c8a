package io.duban.bot;

import io.duban.bot.readside.ReadSide;
import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.OfficialRole;
import io.duban.query.api.ActorRef;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.board.FindCommitments;
import io.duban.query.api.board.FindItem;
import io.duban.query.api.board.ItemDetail;
import io.duban.query.api.board.ItemProgress;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.catalog.UnitRef;
import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.directory.FindOfficial;
import io.duban.query.api.directory.FindOfficials;
import io.duban.query.api.directory.OfficialView;
import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the read side knows of the world, as the bot asks it: a query bus answering the query api's directory,
 * commitment and item queries from what the test gave (officials appointed to units, commitments registered), the
 * way the query module answers them (unknown ids are 404 problems).
 */
public final class BotWorld {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private final Map<String, Appointment> officials = new ConcurrentHashMap<>();
    private final Map<String, CommitmentView> commitments = new ConcurrentHashMap<>();
    private final QueryGateway queries;

    private record Appointment(String userId, String name, OfficialRole role, List<String> unitIds) {
    }

    public BotWorld() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new Answers()).subscribe(bus);
        this.queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    public QueryGateway queries() {
        return queries;
    }

    public ReadSide readSide() {
        return new ReadSide(queries);
    }

    /** {@code count} officials of the unit, userIds {@code <unitId>-01}, {@code <unitId>-02}, … in order. */
    public List<String> appointOfficials(String unitId, int count) {
        List<String> userIds = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String userId = unitId + "-" + String.format("%02d", i);
            appoint(userId, "干部" + i, OfficialRole.OFFICIAL, unitId);
            userIds.add(userId);
        }
        return userIds;
    }

    public void appoint(String userId, String name, OfficialRole role, String unitId) {
        appoint(userId, name, role, List.of(unitId));
    }

    /** A person who may act for several units. */
    public void appoint(String userId, String name, OfficialRole role, List<String> unitIds) {
        officials.put(userId, new Appointment(userId, name, role, List.copyOf(unitIds)));
    }

    /** The ids of the commitment's milestones not completed yet, as the aggregate would complete them. */
    public List<String> openMilestones(String commitmentId) {
        return commitments.get(commitmentId).milestones().stream().filter(m -> !m.completed())
                .map(CommitmentView.MilestoneView::milestoneId).toList();
    }

    /** The commitment as the read side shows it after its milestone M1 was completed. */
    public void completeMilestone(String commitmentId) {
        CommitmentView c = commitments.get(commitmentId);
        List<CommitmentView.MilestoneView> milestones = c.milestones().stream()
                .map(m -> new CommitmentView.MilestoneView(m.milestoneId(), m.title(), m.dueDate(), true, AT, null,
                        false, null, null)).toList();
        commitments.put(commitmentId, new CommitmentView(c.commitmentId(), c.policyId(), c.itemNumber(), c.unitId(),
                c.unitName(), c.responsible(), c.roadmap(), c.startDate(), c.dueDate(), milestones, c.progress(),
                c.reportedProgress(), c.progressNote(), c.progressReportedAt(), c.status(),
                c.pendingDeadlineChanges(), c.decidedDeadlineChanges(), c.openIssues(), c.resolvedIssues(),
                c.completionClaim(), c.verification(), c.reopenCount(), c.lastReopen(), c.finalDueDateOverdue(),
                c.lastAcknowledgedAt(), c.lastAcknowledgedBy(), c.registeredAt(), c.registeredBy(),
                c.lastUpdatedAt(), c.lastActor(), c.lastChannel(), c.lastMessageId(), c.lastSequence() + 1,
                c.escalations(), c.urgeCount(), c.lastUrgedAt(), c.lastUrgedBy(), c.lastUrgeMessage(), c.evidence(),
                c.evidenceWaiver()));
    }

    /** Commitment {@code #item} of the unit in the default policy, due 2026-03-31 with milestone M1 due 2026-02-28. */
    public String register(String unitId, String unitName, int item) {
        String commitmentId = CommitmentId.of(TestProperties.POLICY, item, unitId);
        ActorRef registrar = ActorRef.of(Actor.system("承诺登记"));
        commitments.put(commitmentId, new CommitmentView(commitmentId, TestProperties.POLICY, item, unitId, unitName,
                new CommitmentView.Responsible("张伟", "处长"), "分三步推进", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), List.of(new CommitmentView.MilestoneView("M1", "完成摸底调查",
                LocalDate.of(2026, 2, 28), false, null, null, false, null, null)), 0, 0, null, null,
                CommitmentStatus.OPEN, List.of(), List.of(), List.of(), 0, null, null, 0, null, null, null, null, AT,
                registrar, AT, registrar, "SYSTEM", null, 0, List.of(), 0, null, null, null, List.of(), null));
        return commitmentId;
    }

    private String unitName(String unitId) {
        return commitments.values().stream().filter(c -> c.unitId().equals(unitId)).map(CommitmentView::unitName)
                .findFirst().orElse(null);
    }

    private OfficialView view(Appointment a) {
        return new OfficialView(a.userId(), a.name(), a.role(), a.unitIds().stream()
                .map(id -> new OfficialView.OfficialUnit(id, unitName(id), AT)).toList(), true, AT, null, null, null,
                null, List.of());
    }

    private static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND);
    }

    private static Light green() {
        return Light.of(LightColor.GREEN, List.of());
    }

    /** The query side's answers over the world's state. */
    public final class Answers {

        @QueryHandler
        public OfficialView handle(FindOfficial query) {
            Appointment a = officials.get(query.userId());
            if (a == null) {
                throw notFound();
            }
            return view(a);
        }

        @QueryHandler
        public List<OfficialView> handle(FindOfficials query) {
            return officials.values().stream()
                    .filter(a -> query.unitId() == null || a.unitIds().contains(query.unitId()))
                    .filter(a -> query.role() == null || a.role() == query.role())
                    .map(BotWorld.this::view).toList();
        }

        @QueryHandler
        public CommitmentDetail handle(FindCommitment query) {
            CommitmentView c = commitments.get(query.commitmentId());
            if (c == null) {
                throw notFound();
            }
            return CommitmentDetail.of(c, green());
        }

        @QueryHandler
        public List<CommitmentSummary> handle(FindCommitments query) {
            return commitments.values().stream()
                    .filter(c -> query.unitId() == null || c.unitId().equals(query.unitId()))
                    .filter(c -> query.policyId() == null || c.policyId().equals(query.policyId()))
                    .filter(c -> query.itemNumber() == null || c.itemNumber() == query.itemNumber())
                    .map(c -> CommitmentSummary.of(c, green())).toList();
        }

        /** The item lists the units that registered for it (the catalog of a test knows no more). */
        @QueryHandler
        public ItemDetail handle(FindItem query) {
            List<CommitmentView> of = commitments.values().stream()
                    .filter(c -> c.policyId().equals(query.policyId()) && c.itemNumber() == query.number()).toList();
            if (of.isEmpty()) {
                throw notFound();
            }
            ItemView item = new ItemView(query.policyId(), query.number(), "第" + query.number() + "项", null, null,
                    of.stream().map(c -> new UnitRef(c.unitId(), c.unitName(), false)).filter(Objects::nonNull)
                            .toList(), List.of());
            return new ItemDetail(item, ItemProgress.of(item, of), green(),
                    of.stream().map(c -> CommitmentDetail.of(c, green())).toList());
        }
    }
}
