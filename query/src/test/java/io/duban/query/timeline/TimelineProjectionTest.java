package io.duban.query.timeline;

import io.duban.command.api.Actor;
import io.duban.command.api.AlertAcknowledged;
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
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRemoved;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.Role;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.api.ActorRef;
import io.duban.query.web.NotFoundException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.EventMessages.official;
import static io.duban.query.fixtures.EventMessages.policy;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineProjectionTest extends WireMongoTest {

    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final String WANG = "czt-wang";
    private TimelineProjection projection;
    private TimelineQueries queries;
    private final String id = financeRegistered().commitmentId();

    @BeforeEach
    void setUp() {
        projection = new TimelineProjection(mongo);
        queries = new TimelineQueries(mongo, new CatalogReader(mongo));
    }

    private List<String> summaries() {
        return queries.handle(FindTimeline.commitment(id)).stream().map(TimelineEntry::summary).toList();
    }

    @Test
    void eachCommitmentEventGetsAChineseOneLineSummary() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        var progress = new ProgressReported(id, 80, 0, "完成可研批复", null, FINANCE_OFFICIAL);
        projection.on(progress, commitment(id, 1, progress, T0.plusSeconds(1)));
        var lower = new ProgressReported(id, 70, 80, "复核", "重新测算工程量", FINANCE_OFFICIAL);
        projection.on(lower, commitment(id, 2, lower, T0.plusSeconds(2)));
        var milestone = new MilestoneCompleted(id, "M1", "可研已批复", FINANCE_OFFICIAL);
        projection.on(milestone, commitment(id, 3, milestone, T0.plusSeconds(3)));
        var request = new DeadlineChangeRequested(id, "C1", "M2", LocalDate.of(2027, 3, 31), LocalDate.of(2027, 6, 30), "冬季停工", FINANCE_OFFICIAL);
        projection.on(request, commitment(id, 4, request, T0.plusSeconds(4)));
        var approved = new DeadlineChangeApproved(id, "C1", "M2", LocalDate.of(2027, 3, 31), LocalDate.of(2027, 6, 30), "同意", OFFICE);
        projection.on(approved, commitment(id, 5, approved, T0.plusSeconds(5)));
        var finalRequest = new DeadlineChangeRequested(id, "C2", null, LocalDate.of(2027, 12, 31), LocalDate.of(2028, 6, 30), "资金晚到", FINANCE_OFFICIAL);
        projection.on(finalRequest, commitment(id, 6, finalRequest, T0.plusSeconds(6)));
        var rejected = new DeadlineChangeRejected(id, "C2", null, "理由不充分", OFFICE);
        projection.on(rejected, commitment(id, 7, rejected, T0.plusSeconds(7)));
        var issue = new MajorIssueRaised(id, "I1", "征地受阻", "两户未签约", FINANCE_OFFICIAL);
        projection.on(issue, commitment(id, 8, issue, T0.plusSeconds(8)));
        var resolved = new MajorIssueResolved(id, "I1", "已签约", OFFICE);
        projection.on(resolved, commitment(id, 9, resolved, T0.plusSeconds(9)));
        var claimed = new CompletionClaimed(id, "全部建成", FINANCE_OFFICIAL);
        projection.on(claimed, commitment(id, 10, claimed, T0.plusSeconds(10)));
        var verified = new CompletionVerified(id, "材料齐全", OFFICE);
        projection.on(verified, commitment(id, 11, verified, T0.plusSeconds(11)));
        var reopened = new CommitmentReopened(id, "验收发现问题", OFFICE);
        projection.on(reopened, commitment(id, 12, reopened, T0.plusSeconds(12)));

        // then
        assertThat(summaries()).containsExactly(
                "登记承诺：责任人 李四（副厅长），计划 2024-01-01 至 2025-12-31，2 个里程碑",
                "报告进度 80%：完成可研批复",
                "报告进度 70%（原 80%）：复核；下调原因：重新测算工程量",
                "完成里程碑 M1：可研已批复",
                "申请将 M2 截止日期由 2027-03-31 调整为 2027-06-30：冬季停工",
                "办公室批准延期：M2 截止日期由 2027-03-31 调整为 2027-06-30（同意）",
                "申请将最终完成期限由 2027-12-31 调整为 2028-06-30：资金晚到",
                "办公室驳回最终完成期限调整申请：理由不充分",
                "报告重大事项：征地受阻",
                "重大事项 I1 已解决：已签约",
                "申报完成：全部建成",
                "办公室核验办结：材料齐全",
                "办公室退回，重新打开：验收发现问题");
    }

    @Test
    void commitmentEntriesCarryPolicyItemUnitActorAndChannel() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        var progress = new ProgressReported(id, 30, 0, "开工", null, FINANCE_OFFICIAL);
        projection.on(progress, commitment(id, 1, progress, T0.plusSeconds(60)));

        // then
        TimelineEntry entry = queries.handle(FindTimeline.commitment(id)).get(1);
        assertThat(entry.eventId()).isEqualTo(id + "#1");
        assertThat(entry.kind()).isEqualTo("commitment");
        assertThat(entry.policyId()).isEqualTo(POLICY_ID);
        assertThat(entry.itemNumber()).isEqualTo(1);
        assertThat(entry.unitId()).isEqualTo(FINANCE.unitId());
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.type()).isEqualTo("ProgressReported");
        assertThat(entry.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(entry.actor()).isEqualTo(new ActorRef("fin-1", "李处长", Role.UNIT));
        assertThat(entry.channel()).hasToString("DINGTALK");
        assertThat(entry.messageId()).isEqualTo("msg-42");
    }

    @Test
    void afterARestartTheKeysAreReadFromTheRegistrationEntry() {
        // given the registration was recorded before the restart
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        TimelineProjection restarted = new TimelineProjection(mongo);

        // when
        var progress = new ProgressReported(id, 30, 0, "开工", null, FINANCE_OFFICIAL);
        restarted.on(progress, commitment(id, 1, progress, T0.plusSeconds(60)));

        // then
        TimelineEntry entry = queries.handle(FindTimeline.commitment(id)).get(1);
        assertThat(entry.policyId()).isEqualTo(POLICY_ID);
        assertThat(entry.itemNumber()).isEqualTo(1);
        assertThat(entry.unitId()).isEqualTo(FINANCE.unitId());
    }

    @Test
    void aPolicyImportIsOnThePolicysTimeline() {
        // when
        projection.on(policyImported(), policy(POLICY_ID, 0, policyImported(), T0));

        // then
        assertThat(queries.handle(FindTimeline.policy(POLICY_ID))).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("policy");
            assertThat(entry.policyId()).isEqualTo(POLICY_ID);
            assertThat(entry.itemNumber()).isNull();
            assertThat(entry.summary()).isEqualTo(
                    "导入政策文件 内政发〔2023〕1号《内蒙古自治区人民政府关于支持呼和浩特市高质量发展的意见》，共 2 项支持事项");
        });
    }

    @Test
    void theSameEventTwiceIsOneEntry() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // then
        assertThat(queries.handle(FindTimeline.commitment(id))).hasSize(1);
    }

    @Test
    void anUnknownAggregateHasNoTimeline() {
        assertThatThrownBy(() -> queries.handle(FindTimeline.commitment("nope")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("未找到动态记录：nope");
    }

    @Test
    void missedDatesAndAcknowledgementsAreOnTheCommitmentsTimeline() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        var m1 = new MilestoneBecameOverdue(id, "M1", LocalDate.of(2024, 6, 30), Actor.schedule());
        projection.on(m1, commitment(id, 1, m1, T0.plusSeconds(1)));
        var acknowledged = new AlertAcknowledged(id, FINANCE_OFFICIAL);
        projection.on(acknowledged, commitment(id, 2, acknowledged, T0.plusSeconds(2)));
        var finalDate = new MilestoneBecameOverdue(id, null, LocalDate.of(2025, 12, 31), Actor.schedule());
        projection.on(finalDate, commitment(id, 3, finalDate, T0.plusSeconds(3)));

        // then
        List<TimelineEntry> entries = queries.handle(FindTimeline.commitment(id));
        assertThat(entries).extracting(TimelineEntry::summary).containsExactly(
                "登记承诺：责任人 李四（副厅长），计划 2024-01-01 至 2025-12-31，2 个里程碑",
                "里程碑 M1「完成可研批复」已逾期（截止 2024-06-30）",
                "确认收到督办提醒",
                "总体完成时限 2025-12-31 已过，尚未办结");
        assertThat(entries.get(1)).satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("commitment");
            assertThat(entry.unitId()).isEqualTo(FINANCE.unitId());
            assertThat(entry.actor().name()).isEqualTo("督办定时任务");
            assertThat(entry.channel()).hasToString("SCHEDULE");
        });
        assertThat(entries.get(2)).satisfies(entry -> {
            assertThat(entry.channel()).hasToString("DINGTALK");
            assertThat(entry.messageId()).isEqualTo("msg-42");
            assertThat(entry.type()).isEqualTo("AlertAcknowledged");
        });
    }

    @Test
    void afterARestartMilestoneTitlesAreReadFromTheRegistrationEntry() {
        // given the registration was recorded before the restart
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));
        TimelineProjection restarted = new TimelineProjection(mongo);

        // when
        var m2 = new MilestoneBecameOverdue(id, "M2", LocalDate.of(2025, 3, 31), Actor.schedule());
        restarted.on(m2, commitment(id, 1, m2, T0.plusSeconds(60)));

        // then
        assertThat(summaries()).last().isEqualTo("里程碑 M2「主体工程完工」已逾期（截止 2025-03-31）");
    }

    @Test
    void aMilestoneOfAnUnknownRegistrationIsNamedByIdOnly() {
        // when
        var m1 = new MilestoneBecameOverdue(id, "M1", LocalDate.of(2024, 6, 30), Actor.schedule());
        projection.on(m1, commitment(id, 1, m1, T0));

        // then
        assertThat(summaries()).containsExactly("里程碑 M1 已逾期（截止 2024-06-30）");
    }

    private void appoint(TimelineProjection handler, long sequence, String name, OfficialRole role, List<String> units) {
        var event = new OfficialAppointed(WANG, name, role, units, OFFICE);
        handler.on(event, official(WANG, sequence, event, T0.plusSeconds(sequence)));
    }

    private void remove(TimelineProjection handler, long sequence, String reason) {
        var event = new OfficialRemoved(WANG, reason, OFFICE);
        handler.on(event, official(WANG, sequence, event, T0.plusSeconds(sequence)));
    }

    private List<String> directory() {
        return queries.handle(FindTimeline.official(WANG)).stream().map(TimelineEntry::summary).toList();
    }

    @Test
    void directoryEventsAreWordedWithTheUnitsNamesAndThePersonsStanding() {
        // given the units are known from a policy
        new UnitsProjection(mongo).on(policyImported());

        // when
        appoint(projection, 0, "王五", OfficialRole.OFFICIAL, List.of(FINANCE.unitId()));
        appoint(projection, 1, "王五", OfficialRole.UNIT_LEADER, List.of(DEVELOPMENT.unitId(), FINANCE.unitId()));
        remove(projection, 2, "调离");
        appoint(projection, 3, "王五", OfficialRole.OFFICE, List.of());
        appoint(projection, 4, "王五", OfficialRole.INSPECTOR, List.of());

        // then
        assertThat(directory()).containsExactly(
                "人员名录：任命 王五 为 自治区财政厅 工作人员",
                "人员名录：调整 王五 为 自治区发展改革委、自治区财政厅 负责人",
                "人员名录：移出 王五（调离）",
                "人员名录：重新任命 王五 为 领导小组办公室 工作人员",
                "人员名录：调整 王五 为 督查人员");
        assertThat(queries.handle(FindTimeline.official(WANG))).allSatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo("official");
            assertThat(entry.aggregateId()).isEqualTo(WANG);
            assertThat(entry.policyId()).isNull();
            assertThat(entry.unitId()).isNull();
            assertThat(entry.actor().name()).isEqualTo("王主任");
        });
    }

    @Test
    void unitNamesAreJoinedWhenRead() {
        // given an appointment before any policy names the unit
        appoint(projection, 0, "王五", OfficialRole.OFFICIAL, List.of(FINANCE.unitId()));
        assertThat(directory()).containsExactly("人员名录：任命 王五 为 " + FINANCE.unitId() + " 工作人员");

        // when the policy is imported later
        new UnitsProjection(mongo).on(policyImported());

        // then
        assertThat(directory()).containsExactly("人员名录：任命 王五 为 自治区财政厅 工作人员");
        assertThat(mongo.getCollection(TimelineProjection.COLLECTION).find().first().getString("summary"))
                .as("the stored entry does not depend on another view")
                .isEqualTo("人员名录：任命 王五 为 " + FINANCE.unitId() + " 工作人员");
    }

    @Test
    void afterARestartARemovalStillNamesThePerson() {
        // given
        appoint(projection, 0, "王五", OfficialRole.OFFICIAL, List.of(FINANCE.unitId()));
        TimelineProjection restarted = new TimelineProjection(mongo);

        // when
        remove(restarted, 1, "调离");

        // then
        assertThat(directory()).last().isEqualTo("人员名录：移出 王五（调离）");
    }

    @Test
    void aRolledBackBatchHandledAgainWordsEachEventAsOfItsOwnPlace() {
        // given the first appointment is written
        appoint(projection, 0, "王五", OfficialRole.OFFICIAL, List.of(FINANCE.unitId()));
        // and a batch with a change and a removal is rolled back after the projection saw it
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        appoint(projection, 1, "王五（副处长）", OfficialRole.OFFICIAL, List.of(FINANCE.unitId()));
        remove(projection, 2, "调离");
        batch.rollback();

        // when the batch is handled again
        appoint(projection, 1, "王五（副处长）", OfficialRole.OFFICIAL, List.of(FINANCE.unitId()));
        remove(projection, 2, "调离");

        // then
        assertThat(directory()).containsExactly(
                "人员名录：任命 王五 为 " + FINANCE.unitId() + " 工作人员",
                "人员名录：调整 王五（副处长） 为 " + FINANCE.unitId() + " 工作人员",
                "人员名录：移出 王五（副处长）（调离）");
    }

    @Test
    void timelinesOfDifferentKindsDoNotMix() {
        // given a person whose user id happens to be a policy id
        projection.on(policyImported(), policy(POLICY_ID, 0, policyImported(), T0));

        // then
        assertThatThrownBy(() -> queries.handle(FindTimeline.official(POLICY_ID)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("未找到动态记录：" + POLICY_ID);
        assertThat(queries.handle(FindTimeline.policy(POLICY_ID))).hasSize(1);
    }

    @Test
    void resetForgetsThePeople() {
        // given
        appoint(projection, 0, "王五", OfficialRole.OFFICIAL, List.of(FINANCE.unitId()));

        // when
        projection.reset();
        remove(projection, 1, "调离");

        // then: nothing remembered the dropped appointment
        assertThat(directory()).containsExactly("人员名录：移出 （姓名不详）（调离）");
    }

    @Test
    void resetDropsTheViewAndForgetsTheKeys() {
        // given
        projection.on(financeRegistered(), commitment(id, 0, financeRegistered(), T0));

        // when
        projection.reset();
        var progress = new ProgressReported(id, 30, 0, "开工", null, FINANCE_OFFICIAL);
        projection.on(progress, commitment(id, 1, progress, T0.plusSeconds(60)));

        // then: nothing remembered the dropped registration
        assertThat(queries.handle(FindTimeline.commitment(id))).singleElement()
                .satisfies(entry -> assertThat(entry.unitId()).isNull());
    }
}
