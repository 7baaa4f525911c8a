package io.duban.query.light;

import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.api.commitment.CommitmentView.OpenIssue;
import io.duban.query.api.light.LightColor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule a board row stores must give, on every day, the colour {@link TrafficLights#of} gives that day: checked
 * over a few thousand random commitments (fixed seed) and every day from before their start to after their due date,
 * under two board settings.
 */
class LightScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    @Test
    void theScheduleGivesTheLightsColourOnEveryDay() {
        Random random = new Random(20261202);
        int compared = 0;
        for (BoardProperties settings : List.of(new BoardProperties(14, 10), new BoardProperties(3, 0))) {
            TrafficLights anyDay = lightsOn(BASE, settings);
            for (int n = 0; n < 2_000; n++) {
                CommitmentView c = randomCommitment(random);
                LightSchedule schedule = anyDay.scheduleOf(c);
                for (LocalDate day = BASE.minusDays(20); day.isBefore(BASE.plusDays(420)); day = day.plusDays(1 + random.nextInt(3))) {
                    LightColor expected = lightsOn(day, settings).of(c).color();
                    assertThat(schedule.colorOn(day)).as("%s on %s (%s)", c, day, schedule).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500_000);
    }

    @Test
    void anOpenMajorIssueWarnsFromAnyDayAndAVerifiedCommitmentIsDoneOnEveryDay() {
        TrafficLights lights = lightsOn(BASE, new BoardProperties(14, 10));
        CommitmentView withIssue = commitment(CommitmentStatus.OPEN, 50, List.of(),
                List.of(new OpenIssue("I1", "用地不足", null, null, null)));
        CommitmentView verified = commitment(CommitmentStatus.VERIFIED, 100, List.of(), List.of());

        assertThat(lights.scheduleOf(withIssue).yellowFrom()).isEqualTo(LightSchedule.ALWAYS);
        assertThat(lights.scheduleOf(verified).colorOn(LocalDate.of(2099, 1, 1))).isEqualTo(LightColor.DONE);
    }

    private static TrafficLights lightsOn(LocalDate day, BoardProperties settings) {
        return new TrafficLights(Clock.fixed(day.atTime(12, 0).atZone(SHANGHAI).toInstant(), SHANGHAI), settings);
    }

    private static CommitmentView randomCommitment(Random random) {
        List<MilestoneView> milestones = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            LocalDate due = random.nextInt(10) == 0 ? null : BASE.plusDays(random.nextInt(380));
            milestones.add(new MilestoneView("M" + i, "阶段" + i, due, random.nextInt(3) == 0, null, null, false, null, null));
        }
        CommitmentStatus status = switch (random.nextInt(6)) {
            case 0 -> CommitmentStatus.COMPLETION_CLAIMED;
            case 1 -> CommitmentStatus.VERIFIED;
            default -> CommitmentStatus.OPEN;
        };
        List<OpenIssue> issues = random.nextInt(8) == 0 ? List.of(new OpenIssue("I1", "问题", null, null, null)) : List.of();
        return commitment(status, random.nextInt(101), milestones, issues, random);
    }

    private static CommitmentView commitment(CommitmentStatus status, int progress, List<MilestoneView> milestones,
                                             List<OpenIssue> issues) {
        return commitment(status, progress, milestones, issues, null);
    }

    private static CommitmentView commitment(CommitmentStatus status, int progress, List<MilestoneView> milestones,
                                             List<OpenIssue> issues, Random random) {
        LocalDate start = random == null ? BASE : BASE.plusDays(random.nextInt(60) - 30);
        LocalDate due = random == null ? BASE.plusDays(365)
                : random.nextInt(12) == 0 ? start : start.plusDays(1 + random.nextInt(400));
        return new CommitmentView("p.1.u1", "p", 1, "u1", "自治区财政厅", null, null, start, due, milestones, progress,
                progress, null, null, status, List.of(), List.of(), issues, 0, null, null, 0, null, null, null, null,
                null, null, null, null, null, null, 0, List.of(), 0, null, null, null, List.of(), null);
    }
}
