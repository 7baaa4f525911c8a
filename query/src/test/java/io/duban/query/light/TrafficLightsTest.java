package io.duban.query.light;

import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.light.LightColor;
import io.duban.query.api.light.Light;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.CompletionClaim;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.api.commitment.CommitmentView.OpenIssue;
import io.duban.query.api.commitment.CommitmentView.Verification;
import io.duban.query.light.TrafficLights.LabelledLight;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commitment: 2024-01-01 to 2024-12-31 (365 days), M1 due 2024-03-31, M2 due 2024-09-30. Default settings:
 * due soon = 14 days, behind-plan tolerance = 10 points.
 */
class TrafficLightsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BoardProperties DEFAULTS = new BoardProperties(14, 10);

    private static TrafficLights at(String date) {
        return at(date, DEFAULTS);
    }

    private static TrafficLights at(String date, BoardProperties properties) {
        Instant noon = LocalDate.parse(date).atTime(12, 0).atZone(SHANGHAI).toInstant();
        return new TrafficLights(Clock.fixed(noon, SHANGHAI), properties);
    }

    private static CommitmentView commitment(int progress, CommitmentStatus status, boolean m1Done,
                                             List<OpenIssue> issues, CompletionClaim claim, Verification verification) {
        List<MilestoneView> milestones = List.of(
                new MilestoneView("M1", "立项", LocalDate.of(2024, 3, 31), m1Done, null, null, false, null, null),
                new MilestoneView("M2", "建成", LocalDate.of(2024, 9, 30), false, null, null, false, null, null));
        return new CommitmentView("p.1.u1", "p", 1, "u1", "自治区财政厅", null, null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), milestones, progress, progress, null, null, status,
                List.of(), List.of(), issues, 0, claim, verification, 0, null, null, null, null, null, null, null, null, null,
                null, 0, List.of(), 0, null, null, null, List.of(), null);
    }

    private static CommitmentView open(int progress, boolean m1Done) {
        return commitment(progress, CommitmentStatus.OPEN, m1Done, List.of(), null, null);
    }

    @Test
    void greenWhenNothingIsDueSoonAndProgressFollowsThePlan() {
        // 2024-02-01: 31 of 365 days = 8.5% planned; M1 is 60 days away
        Light light = at("2024-02-01").of(open(5, false));

        assertThat(light.color()).isEqualTo(LightColor.GREEN);
        assertThat(light.label()).isEqualTo("正常");
        assertThat(light.reasons()).containsExactly("进度符合计划，无临近或逾期的期限");
    }

    @Test
    void yellowWhenAMilestoneFallsDueWithinTheDueSoonWindow() {
        // given M1 due 2024-03-31, progress on plan
        CommitmentView commitment = open(25, false);

        // then: 15 days ahead is not yet due soon, 14 days ahead is
        assertThat(at("2024-03-16").of(commitment).color()).isEqualTo(LightColor.GREEN);
        Light light = at("2024-03-17").of(commitment);
        assertThat(light.color()).isEqualTo(LightColor.YELLOW);
        assertThat(light.label()).isEqualTo("预警");
        assertThat(light.reasons()).containsExactly("M1 将于 14 天后到期（2024-03-31）");
        assertThat(at("2024-03-31").of(commitment).reasons()).containsExactly("M1 今天到期（2024-03-31）");
    }

    @Test
    void theDueSoonWindowComesFromTheProperties() {
        CommitmentView commitment = open(25, false);

        assertThat(at("2024-03-17", new BoardProperties(7, 10)).of(commitment).color()).isEqualTo(LightColor.GREEN);
        assertThat(at("2024-03-24", new BoardProperties(7, 10)).of(commitment).color()).isEqualTo(LightColor.YELLOW);
    }

    @Test
    void redTheDayAfterAnUncompletedMilestoneWasDue() {
        Light light = at("2024-04-12").of(open(30, false));

        assertThat(light.color()).isEqualTo(LightColor.RED);
        assertThat(light.label()).isEqualTo("逾期");
        assertThat(light.reasons()).containsExactly("M1 已逾期 12 天（2024-03-31）");
    }

    @Test
    void aCompletedMilestoneNoLongerCounts() {
        assertThat(at("2024-04-12").of(open(30, true)).color()).isEqualTo(LightColor.GREEN);
    }

    @Test
    void redWhenTheFinalDueDatePassedUnverified() {
        Light light = at("2025-01-02").of(commitment(100, CommitmentStatus.OPEN, true, List.of(), null, null));

        assertThat(light.color()).isEqualTo(LightColor.RED);
        assertThat(light.reasons()).contains("M2 已逾期 94 天（2024-09-30）", "最终完成期限 已逾期 2 天（2024-12-31）");
    }

    @Test
    void yellowWhenProgressLagsThePlanByMoreThanTheTolerance() {
        // 2024-07-01: 182 of 365 days = 49.9% planned (M1 done, M2 91 days away)
        assertThat(at("2024-07-01").of(open(40, true)).color()).as("9.9 points behind").isEqualTo(LightColor.GREEN);
        Light light = at("2024-07-01").of(open(39, true));
        assertThat(light.color()).as("10.9 points behind").isEqualTo(LightColor.YELLOW);
        assertThat(light.reasons()).containsExactly("进度落后计划 11 个百分点（按计划应达 50%，实报 39%）");
    }

    @Test
    void yellowWhileAMajorIssueIsOpen() {
        OpenIssue issue = new OpenIssue("I1", "征地受阻", null, null, null);
        Light light = at("2024-02-01").of(commitment(10, CommitmentStatus.OPEN, false, List.of(issue), null, null));

        assertThat(light.color()).isEqualTo(LightColor.YELLOW);
        assertThat(light.reasons()).containsExactly("存在 1 项未解决的重大事项：征地受阻");
    }

    @Test
    void doneWhenVerifiedEvenAfterTheDueDate() {
        Verification verification = new Verification("同意", null, Instant.parse("2024-12-30T16:30:00Z"));
        Light light = at("2025-03-01").of(commitment(90, CommitmentStatus.VERIFIED, false, List.of(), null, verification));

        assertThat(light.color()).isEqualTo(LightColor.DONE);
        assertThat(light.label()).isEqualTo("已办结");
        assertThat(light.reasons()).containsExactly("已于 2024-12-31 核验办结");
    }

    @Test
    void aClaimAwaitsVerificationWithTheColourOfItsPlan() {
        CompletionClaim claim = new CompletionClaim("已建成", null, Instant.parse("2024-12-20T02:00:00Z"));

        // before the final due date, milestones done: green, labelled 待核验
        Light onPlan = at("2024-12-25").of(claimed(true, claim));
        assertThat(onPlan.color()).isEqualTo(LightColor.GREEN);
        assertThat(onPlan.label()).isEqualTo("待核验");
        assertThat(onPlan.awaitingVerification()).isTrue();
        assertThat(onPlan.reasons()).containsExactly("已申报完成，待办公室核验");

        // the office is late: the final due date no longer counts against the unit
        assertThat(at("2025-01-10").of(claimed(true, claim)).color()).isEqualTo(LightColor.GREEN);

        // an uncompleted milestone still does
        Light late = at("2024-12-25").of(claimed(false, claim));
        assertThat(late.color()).isEqualTo(LightColor.RED);
        assertThat(late.label()).isEqualTo("待核验");
    }

    private static CommitmentView claimed(boolean milestonesDone, CompletionClaim claim) {
        List<MilestoneView> milestones = List.of(
                new MilestoneView("M1", "立项", LocalDate.of(2024, 3, 31), milestonesDone, null, null, false, null, null),
                new MilestoneView("M2", "建成", LocalDate.of(2024, 9, 30), true, null, null, false, null, null));
        return new CommitmentView("p.1.u1", "p", 1, "u1", "自治区财政厅", null, null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), milestones, 60, 60, null, null,
                CommitmentStatus.COMPLETION_CLAIMED, List.of(), List.of(), List.of(), 0, claim, null, 0, null,
                null, null, null, null, null, null, null, null, null, 0,
                List.of(), 0, null, null, null, List.of(), null);
    }

    @Test
    void anItemShowsTheWorstOfItsCommitmentsAndNoneWithout() {
        TrafficLights lights = at("2024-04-12");
        Light red = lights.of(open(30, false));
        Light green = lights.of(open(30, true));

        Light item = lights.worstOf(List.of(new LabelledLight("自治区发展改革委", green), new LabelledLight("自治区财政厅", red)));
        assertThat(item.color()).isEqualTo(LightColor.RED);
        assertThat(item.reasons()).containsExactly("自治区财政厅：M1 已逾期 12 天（2024-03-31）");

        Light none = lights.worstOf(List.of());
        assertThat(none.color()).isEqualTo(LightColor.NONE);
        assertThat(none.label()).isEqualTo("未登记");
    }

    @Test
    void todayIsTheDateInTheClocksZone() {
        // 2024-03-16T20:00Z is already 2024-03-17 in Shanghai: M1 (03-31) is 14 days away there
        Clock clock = Clock.fixed(Instant.parse("2024-03-16T20:00:00Z"), SHANGHAI);
        assertThat(new TrafficLights(clock, DEFAULTS).of(open(25, false)).color()).isEqualTo(LightColor.YELLOW);
        Clock utc = Clock.fixed(Instant.parse("2024-03-16T20:00:00Z"), ZoneId.of("UTC"));
        assertThat(new TrafficLights(utc, DEFAULTS).of(open(25, false)).color()).isEqualTo(LightColor.GREEN);
    }
}
