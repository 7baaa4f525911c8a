package io.duban.query.commitment;

import io.duban.query.api.commitment.FinalOverdueClosedBy;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.command.api.Actor;
import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.Channel;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.Role;
import io.duban.query.fixtures.WireMongoTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static org.assertj.core.api.Assertions.assertThat;

class CommitmentsProjectionTest extends WireMongoTest {

    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private CommitmentsProjection projection;
    private String id;

    @BeforeEach
    void setUp() {
        projection = new CommitmentsProjection(mongo);
        id = financeRegistered().commitmentId();
    }

    private Document stored() {
        return mongo.getCollection(CommitmentsProjection.COLLECTION).find(new Document("_id", id)).first();
    }

    private static Instant at(int day) {
        return T0.plusSeconds(86_400L * day);
    }

    @Test
    void registrationCreatesAnOpenCommitmentWithItsMilestones() {
        // when
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // then
        Document doc = stored();
        assertThat(doc.getString("policyId")).isEqualTo("nzf-2023-1");
        assertThat(doc.getInteger("itemNumber")).isEqualTo(1);
        assertThat(doc.getString("unitName")).isEqualTo("自治区财政厅");
        assertThat(doc.get("responsible", Document.class)).isEqualTo(new Document("name", "李四").append("position", "副厅长"));
        assertThat(doc.getString("startDate")).isEqualTo("2024-01-01");
        assertThat(doc.getString("dueDate")).isEqualTo("2025-12-31");
        assertThat(doc.getString("status")).isEqualTo("OPEN");
        assertThat(doc.getInteger("progress")).isZero();
        assertThat(doc.getList("milestones", Document.class)).extracting(m -> m.getString("milestoneId"), m -> m.getString("dueDate"), m -> m.getBoolean("completed"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M1", "2024-06-30", false),
                        org.assertj.core.groups.Tuple.tuple("M2", "2025-03-31", false));
        assertThat(doc.getDate("registeredAt")).isEqualTo(Date.from(T0));
        assertThat(doc.get("lastActor", Document.class).getString("name")).isEqualTo("李处长");
        assertThat(doc.getString("lastChannel")).isEqualTo("DINGTALK");
        assertThat(doc.getString("lastMessageId")).isEqualTo("msg-42");
        assertThat(doc.getLong("lastSequence")).isZero();
    }

    @Test
    void theWholeLifecycleIsReflectedInTheDocument() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        var progress = new ProgressReported(id, 80, 0, "完成可研批复", null, FINANCE_OFFICIAL);
        projection.on(progress, commitment(id, 1, progress, at(1)));
        var milestone = new MilestoneCompleted(id, "M1", "可研已批复", FINANCE_OFFICIAL);
        projection.on(milestone, commitment(id, 2, milestone, at(2)));
        var request = new DeadlineChangeRequested(id, "C1", "M2", LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30), "冬季停工", FINANCE_OFFICIAL);
        projection.on(request, commitment(id, 3, request, at(3)));
        var finalRequest = new DeadlineChangeRequested(id, "C2", null, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), "资金晚到", FINANCE_OFFICIAL);
        projection.on(finalRequest, commitment(id, 4, finalRequest, at(4)));
        var approved = new DeadlineChangeApproved(id, "C1", "M2", LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30), "同意", OFFICE);
        projection.on(approved, commitment(id, 5, approved, at(5)));
        var rejected = new DeadlineChangeRejected(id, "C2", null, "理由不充分", OFFICE, LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 6, 30));
        projection.on(rejected, commitment(id, 6, rejected, at(6)));
        var issue = new MajorIssueRaised(id, "I1", "征地受阻", "两户未签约", FINANCE_OFFICIAL);
        projection.on(issue, commitment(id, 7, issue, at(7)));
        var issue2 = new MajorIssueRaised(id, "I2", "资金缺口", "缺口 2 亿元", FINANCE_OFFICIAL);
        projection.on(issue2, commitment(id, 8, issue2, at(8)));
        var resolved = new MajorIssueResolved(id, "I1", "已签约", OFFICE);
        projection.on(resolved, commitment(id, 9, resolved, at(9)));

        // then
        Document doc = stored();
        assertThat(doc.getInteger("progress")).isEqualTo(80);
        assertThat(doc.getString("progressNote")).isEqualTo("完成可研批复");
        List<Document> milestones = doc.getList("milestones", Document.class);
        assertThat(milestones.get(0).getBoolean("completed")).isTrue();
        assertThat(milestones.get(0).getDate("completedAt")).isEqualTo(Date.from(at(2)));
        assertThat(milestones.get(0).getString("note")).isEqualTo("可研已批复");
        assertThat(milestones.get(1).getBoolean("completed")).isFalse();
        assertThat(milestones.get(1).getString("dueDate")).as("M2 moved by the approval").isEqualTo("2025-06-30");
        assertThat(doc.getString("dueDate")).as("final due date kept: its change was rejected").isEqualTo("2025-12-31");
        assertThat(doc.getList("pendingDeadlineChanges", Document.class)).isEmpty();
        assertThat(doc.getList("decidedDeadlineChanges", Document.class))
                .extracting(d -> d.getString("changeId"), d -> d.getString("decision"), d -> d.getString("newDueDate"), d -> d.getString("comment"), d -> d.getString("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C1", "APPROVED", "2025-06-30", "同意", null),
                        org.assertj.core.groups.Tuple.tuple("C2", "REJECTED", null, null, "理由不充分"));
        assertThat(doc.getList("decidedDeadlineChanges", Document.class))
                .as("a rejected change keeps what was asked")
                .extracting(d -> d.getString("requestedDueDate"), d -> d.getString("previousDueDate"), d -> d.getString("direction"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-06-30", "2025-03-31", "EXTENSION"),
                        org.assertj.core.groups.Tuple.tuple("2026-06-30", "2025-12-31", "EXTENSION"));
        assertThat(doc.getList("openIssues", Document.class)).extracting(i -> i.getString("issueId")).containsExactly("I2");
        assertThat(doc.getInteger("resolvedIssues")).isEqualTo(1);
        assertThat(doc.get("lastActor", Document.class).getString("role")).isEqualTo("OFFICE");
        assertThat(doc.getString("lastChannel")).isEqualTo("WEB");
        assertThat(doc.getString("lastMessageId")).isNull();
        assertThat(doc.getDate("lastUpdatedAt")).isEqualTo(Date.from(at(9)));
        assertThat(doc.getLong("lastSequence")).isEqualTo(9);
    }

    @Test
    void aPendingRequestIsListedUntilDecided() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        var request = new DeadlineChangeRequested(id, "C1", null, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), "资金晚到", FINANCE_OFFICIAL);
        projection.on(request, commitment(id, 1, request, at(1)));

        // then
        assertThat(stored().getList("pendingDeadlineChanges", Document.class)).singleElement().satisfies(pending -> {
            assertThat(pending.getString("changeId")).isEqualTo("C1");
            assertThat(pending.getString("milestoneId")).isNull();
            assertThat(pending.getString("currentDueDate")).isEqualTo("2025-12-31");
            assertThat(pending.getString("requestedDueDate")).isEqualTo("2026-06-30");
            assertThat(pending.getString("reason")).isEqualTo("资金晚到");
            assertThat(pending.get("requestedBy", Document.class).getString("userId")).isEqualTo("fin-1");
            assertThat(pending.getDate("requestedAt")).isEqualTo(Date.from(at(1)));
        });
    }

    @Test
    void claimVerifyAndReopenMoveTheStatus() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        var claimed = new CompletionClaimed(id, "全部建成", FINANCE_OFFICIAL);
        projection.on(claimed, commitment(id, 1, claimed, at(1)));
        assertThat(stored().getString("status")).isEqualTo("COMPLETION_CLAIMED");
        assertThat(stored().get("completionClaim", Document.class).getString("summary")).isEqualTo("全部建成");

        // when
        var verified = new CompletionVerified(id, "材料齐全", OFFICE);
        projection.on(verified, commitment(id, 2, verified, at(2)));

        // then
        assertThat(stored().getString("status")).isEqualTo("VERIFIED");
        assertThat(stored().get("verification", Document.class).getString("comment")).isEqualTo("材料齐全");

        // when
        var reopened = new CommitmentReopened(id, "验收发现问题", OFFICE);
        projection.on(reopened, commitment(id, 3, reopened, at(3)));

        // then
        Document doc = stored();
        assertThat(doc.getString("status")).isEqualTo("OPEN");
        assertThat(doc.get("completionClaim")).isNull();
        assertThat(doc.get("verification")).isNull();
        assertThat(doc.get("lastReopen", Document.class).getString("reason")).isEqualTo("验收发现问题");
        assertThat(doc.getInteger("reopenCount")).isEqualTo(1);
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        var issue = new MajorIssueRaised(id, "I1", "征地受阻", "两户未签约", FINANCE_OFFICIAL);
        projection.on(issue, commitment(id, 1, issue, at(1)));
        var resolved = new MajorIssueResolved(id, "I1", "已签约", OFFICE);
        projection.on(resolved, commitment(id, 2, resolved, at(2)));
        Document before = stored();

        // when
        projection.on(resolved, commitment(id, 2, resolved, at(2)));
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // then
        assertThat(stored()).isEqualTo(before);
        assertThat(stored().getInteger("resolvedIssues")).isEqualTo(1);
    }

    @Test
    void anOlderEventAfterANewerOneChangesNothing() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        var first = new ProgressReported(id, 30, 0, "开工", null, FINANCE_OFFICIAL);
        var second = new ProgressReported(id, 50, 30, "主体过半", null, FINANCE_OFFICIAL);
        projection.on(second, commitment(id, 2, second, at(2)));
        Document before = stored();

        // when
        projection.on(first, commitment(id, 1, first, at(1)));

        // then
        assertThat(stored()).isEqualTo(before);
        assertThat(stored().getInteger("progress")).isEqualTo(50);
    }

    private void overdue(long sequence, String milestoneId, LocalDate dueDate, int day) {
        var event = new MilestoneBecameOverdue(id, milestoneId, dueDate, Actor.schedule());
        projection.on(event, commitment(id, sequence, event, at(day)));
    }

    private Document milestone(int index) {
        return stored().getList("milestones", Document.class).get(index);
    }

    @Test
    void aMissedMilestoneIsOpenOverdueUntilCompletedAndKeepsItsHistory() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        assertThat(milestone(0).getBoolean("overdue")).isFalse();

        // when
        overdue(1, "M1", LocalDate.of(2024, 6, 30), 178);

        // then
        Document m1 = milestone(0);
        assertThat(m1.getBoolean("overdue")).isTrue();
        assertThat(m1.getDate("overdueSince")).isEqualTo(Date.from(at(178)));
        assertThat(m1.getString("overdueDueDate")).isEqualTo("2024-06-30");
        assertThat(milestone(1).getBoolean("overdue")).as("M2 untouched").isFalse();
        Document doc = stored();
        assertThat(doc.getLong("lastSequence")).isEqualTo(1);
        assertThat(doc.getDate("lastUpdatedAt")).as("the scheduler is nobody's change").isEqualTo(Date.from(T0));
        assertThat(doc.get("lastActor", Document.class).getString("name")).isEqualTo("李处长");

        // when
        var completed = new MilestoneCompleted(id, "M1", "补办完成", FINANCE_OFFICIAL);
        projection.on(completed, commitment(id, 2, completed, at(190)));

        // then
        m1 = milestone(0);
        assertThat(m1.getBoolean("completed")).isTrue();
        assertThat(m1.getBoolean("overdue")).isFalse();
        assertThat(m1.getDate("overdueSince")).as("history kept").isEqualTo(Date.from(at(178)));
        assertThat(m1.getString("overdueDueDate")).isEqualTo("2024-06-30");
    }

    @Test
    void anApprovedNewDateClearsTheMilestonesOverdueFlag() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        overdue(1, "M1", LocalDate.of(2024, 6, 30), 178);
        var request = new DeadlineChangeRequested(id, "C1", "M1", LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30), "用地延迟", FINANCE_OFFICIAL);
        projection.on(request, commitment(id, 2, request, at(179)));

        // when
        var approved = new DeadlineChangeApproved(id, "C1", "M1", LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30), "同意", OFFICE);
        projection.on(approved, commitment(id, 3, approved, at(180)));

        // then
        Document m1 = milestone(0);
        assertThat(m1.getString("dueDate")).isEqualTo("2024-09-30");
        assertThat(m1.getBoolean("overdue")).isFalse();
        assertThat(m1.getString("overdueDueDate")).isEqualTo("2024-06-30");
        assertThat(stored().get("finalDueDateOverdue")).as("the final due date is another matter").isNull();

        // when the new date passes too
        overdue(4, "M1", LocalDate.of(2024, 9, 30), 270);

        // then
        assertThat(milestone(0).getBoolean("overdue")).isTrue();
        assertThat(milestone(0).getString("overdueDueDate")).isEqualTo("2024-09-30");
    }

    @Test
    void theMissedFinalDueDateIsOpenUntilReDated() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        overdue(1, null, LocalDate.of(2025, 12, 31), 727);

        // then
        assertThat(stored().get("finalDueDateOverdue", Document.class)).isEqualTo(new Document("dueDate", "2025-12-31")
                .append("since", Date.from(at(727))).append("open", true).append("closedBy", null));
        assertThat(stored().getList("milestones", Document.class)).noneMatch(m -> m.getBoolean("overdue"));

        // when
        var request = new DeadlineChangeRequested(id, "C1", null, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), "资金晚到", FINANCE_OFFICIAL);
        projection.on(request, commitment(id, 2, request, at(728)));
        var approved = new DeadlineChangeApproved(id, "C1", null, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), null, OFFICE);
        projection.on(approved, commitment(id, 3, approved, at(729)));

        // then
        Document overdue = stored().get("finalDueDateOverdue", Document.class);
        assertThat(overdue.getBoolean("open")).isFalse();
        assertThat(overdue.getString("closedBy")).isEqualTo("DEADLINE_CHANGED");
        assertThat(overdue.getString("dueDate")).isEqualTo("2025-12-31");
        assertThat(stored().getString("dueDate")).isEqualTo("2026-06-30");
        assertThat(stored().getLong("lastSequence")).isEqualTo(3);
    }

    @Test
    void verificationClosesTheMissedFinalDueDateAndReopeningOpensItAgain() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        overdue(1, null, LocalDate.of(2025, 12, 31), 727);
        var claimed = new CompletionClaimed(id, "全部建成", FINANCE_OFFICIAL);
        projection.on(claimed, commitment(id, 2, claimed, at(730)));
        assertThat(stored().get("finalDueDateOverdue", Document.class).getBoolean("open")).as("a claim is not done yet").isTrue();

        // when
        var verified = new CompletionVerified(id, "材料齐全", OFFICE);
        projection.on(verified, commitment(id, 3, verified, at(731)));

        // then
        Document closed = stored().get("finalDueDateOverdue", Document.class);
        assertThat(closed.getBoolean("open")).isFalse();
        assertThat(closed.getString("closedBy")).isEqualTo("VERIFIED");
        assertThat(stored().getString("status")).isEqualTo("VERIFIED");

        // when
        var reopened = new CommitmentReopened(id, "验收发现问题", OFFICE);
        projection.on(reopened, commitment(id, 4, reopened, at(740)));

        // then
        Document reopenedOverdue = stored().get("finalDueDateOverdue", Document.class);
        assertThat(reopenedOverdue.getBoolean("open")).isTrue();
        assertThat(reopenedOverdue.get("closedBy")).isNull();
        assertThat(reopenedOverdue.getDate("since")).isEqualTo(Date.from(at(727)));
        assertThat(stored().getString("status")).isEqualTo("OPEN");
        assertThat(stored().getLong("lastSequence")).isEqualTo(4);

        // when the verification is delivered again
        projection.on(verified, commitment(id, 3, verified, at(731)));

        // then
        assertThat(stored().get("finalDueDateOverdue", Document.class).getBoolean("open")).isTrue();
        assertThat(stored().getString("status")).isEqualTo("OPEN");
    }

    @Test
    void withoutAMissedDateVerificationReDatingAndReopeningLeaveNoOverdueRecord() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        var request = new DeadlineChangeRequested(id, "C1", null, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), "资金晚到", FINANCE_OFFICIAL);
        projection.on(request, commitment(id, 1, request, at(1)));
        var approved = new DeadlineChangeApproved(id, "C1", null, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 6, 30), null, OFFICE);
        var claimed = new CompletionClaimed(id, "全部建成", FINANCE_OFFICIAL);
        var verified = new CompletionVerified(id, "材料齐全", OFFICE);
        var reopened = new CommitmentReopened(id, "验收发现问题", OFFICE);

        // when
        projection.on(approved, commitment(id, 2, approved, at(2)));
        projection.on(claimed, commitment(id, 3, claimed, at(3)));
        projection.on(verified, commitment(id, 4, verified, at(4)));
        projection.on(reopened, commitment(id, 5, reopened, at(5)));

        // then
        Document doc = stored();
        assertThat(doc.containsKey("finalDueDateOverdue")).isTrue();
        assertThat(doc.get("finalDueDateOverdue")).isNull();
        assertThat(doc.getString("dueDate")).isEqualTo("2026-06-30");
        assertThat(doc.getString("status")).isEqualTo("OPEN");
        assertThat(doc.getLong("lastSequence")).isEqualTo(5);
    }

    @Test
    void anEscalationCaseRecordsItsLadderLevelPauseAndEnd() {
        // given
        LocalDate due = LocalDate.of(2024, 6, 30);
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        overdue(1, "M1", due, 178);

        // when
        var started = new io.duban.command.api.EscalationStarted(id, "M1", due, List.of(3, 7), Actor.schedule());
        projection.on(started, commitment(id, 2, started, at(178)));
        var raised = new io.duban.command.api.EscalationRaised(id, "M1", due, 2, Actor.schedule());
        projection.on(raised, commitment(id, 3, raised, at(183)));
        var paused = new io.duban.command.api.EscalationPaused(id, "M1", due, 2,
                io.duban.command.api.EscalationPauseReason.PROGRESS_REPORTED, FINANCE_OFFICIAL);
        projection.on(paused, commitment(id, 4, paused, at(184)));

        // then
        Document open = stored().getList("escalations", Document.class).get(0);
        assertThat(open.getString("key")).isEqualTo("M1");
        assertThat(open.getString("dueDate")).isEqualTo("2024-06-30");
        assertThat(open.getList("ladder", Integer.class)).containsExactly(3, 7);
        assertThat(open.getInteger("level")).isEqualTo(2);
        assertThat(open.getDate("since")).isEqualTo(Date.from(at(178)));
        assertThat(open.getDate("levelSince")).isEqualTo(Date.from(at(183)));
        assertThat(open.getBoolean("open")).isTrue();
        assertThat(open.getBoolean("paused")).isTrue();
        assertThat(open.getString("pauseReason")).isEqualTo("PROGRESS_REPORTED");

        // when ended
        var ended = new io.duban.command.api.EscalationEnded(id, "M1", due, 2,
                io.duban.command.api.EscalationEndReason.MILESTONE_COMPLETED, FINANCE_OFFICIAL);
        projection.on(ended, commitment(id, 5, ended, at(185)));

        // then
        Document closed = stored().getList("escalations", Document.class).get(0);
        assertThat(closed.getBoolean("open")).isFalse();
        assertThat(closed.getString("endReason")).isEqualTo("MILESTONE_COMPLETED");
        assertThat(closed.getInteger("level")).as("the level reached stays").isEqualTo(2);
    }

    @Test
    void anAcknowledgementRecordsWhoAndWhenAndCountsAsAChange() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        overdue(1, "M1", LocalDate.of(2024, 6, 30), 178);
        Actor replying = new Actor("fin-2", "张科长", Role.UNIT, Set.of(FINANCE.unitId()), Channel.DINGTALK, "msg-99");

        // when
        var acknowledged = new AlertAcknowledged(id, replying);
        projection.on(acknowledged, commitment(id, 2, acknowledged, at(179)));

        // then
        Document doc = stored();
        assertThat(doc.getDate("lastAcknowledgedAt")).isEqualTo(Date.from(at(179)));
        assertThat(doc.get("lastAcknowledgedBy", Document.class))
                .isEqualTo(new Document("userId", "fin-2").append("name", "张科长").append("role", "UNIT"));
        assertThat(doc.getString("lastChannel")).isEqualTo("DINGTALK");
        assertThat(doc.getString("lastMessageId")).isEqualTo("msg-99");
        assertThat(doc.getDate("lastUpdatedAt")).isEqualTo(Date.from(at(179)));
        assertThat(milestone(0).getBoolean("overdue")).as("acknowledging is not doing").isTrue();

        // when read
        CommitmentView view = new CommitmentReader(mongo).byId(id).orElseThrow();

        // then
        assertThat(view.lastAcknowledgedAt()).isEqualTo(at(179));
        assertThat(view.lastAcknowledgedBy().name()).isEqualTo("张科长");
        assertThat(view.milestones().get(0)).satisfies(m -> {
            assertThat(m.overdue()).isTrue();
            assertThat(m.overdueSince()).isEqualTo(at(178));
            assertThat(m.overdueDueDate()).isEqualTo(LocalDate.of(2024, 6, 30));
        });
        assertThat(view.finalDueDateOverdue()).isNull();
    }

    @Test
    void theFinalDueDateRecordIsReadBack() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        overdue(1, null, LocalDate.of(2025, 12, 31), 727);
        var verified = new CompletionVerified(id, "材料齐全", OFFICE);
        projection.on(verified, commitment(id, 2, verified, at(731)));

        // when
        CommitmentView view = new CommitmentReader(mongo).byId(id).orElseThrow();

        // then
        assertThat(view.finalDueDateOverdue()).isEqualTo(new CommitmentView.FinalDueDateOverdue(
                LocalDate.of(2025, 12, 31), at(727), false, FinalOverdueClosedBy.VERIFIED));
    }

    @Test
    void resetDropsTheView() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        projection.reset();

        // then
        assertThat(mongo.getCollection(CommitmentsProjection.COLLECTION).countDocuments()).isZero();
    }
}
