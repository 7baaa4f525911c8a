package io.duban.query.light;

import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.light.LightColor;
import io.duban.query.api.light.Light;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes traffic lights at read time from the commitments view, the clock and {@link BoardProperties}. "Today" is
 * the clock's date in the clock's zone (the business zone).
 * <ul>
 *   <li>DONE (已办结): verified.</li>
 *   <li>RED (逾期): an uncompleted milestone, or the final due date, lies before today.</li>
 *   <li>YELLOW (预警): an uncompleted milestone or the final due date is due within {@code due-soon-days} days, or the
 *       progress lags the linear plan between start and due date by more than {@code behind-plan-tolerance} points,
 *       or a major issue is open.</li>
 *   <li>GREEN (正常): otherwise.</li>
 * </ul>
 * Every light carries its reasons in Chinese (a plain GREEN says it is on track).
 * A claimed but unverified commitment is labelled 待核验 and keeps the colour of its plan, judged without the final
 * due date and the behind-plan check (the unit says it is done; the office has yet to agree): its uncompleted
 * milestones and open issues still count.
 */
@Component
public class TrafficLights {

    /** The reason a plain GREEN light gives. */
    public static final String ON_TRACK = "进度符合计划，无临近或逾期的期限";

    private final Clock clock;
    private final BoardProperties properties;

    public TrafficLights(Clock clock, BoardProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The same lights with {@code day} as "today" (e.g. a quarter's last day, for a reproducible digest). */
    public TrafficLights asOf(LocalDate day) {
        return new TrafficLights(Clock.fixed(day.atStartOfDay(zone()).toInstant(), zone()), properties);
    }

    public Light of(CommitmentView commitment) {
        if (commitment.status() == CommitmentStatus.VERIFIED) {
            return Light.of(LightColor.DONE, List.of(verifiedReason(commitment)));
        }
        LocalDate today = today();
        boolean claimed = commitment.status() == CommitmentStatus.COMPLETION_CLAIMED;
        List<String> overdue = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (MilestoneView milestone : commitment.milestones()) {
            if (!milestone.completed()) {
                judgeDeadline(milestone.milestoneId(), milestone.dueDate(), today, overdue, warnings);
            }
        }
        if (!claimed) {
            judgeDeadline("最终完成期限", commitment.dueDate(), today, overdue, warnings);
            behindPlan(commitment, today).ifPresent(warnings::add);
        }
        if (!commitment.openIssues().isEmpty()) {
            warnings.add("存在 " + commitment.openIssues().size() + " 项未解决的重大事项："
                    + String.join("；", commitment.openIssues().stream().map(CommitmentView.OpenIssue::summary).toList()));
        }
        LightColor color = !overdue.isEmpty() ? LightColor.RED : !warnings.isEmpty() ? LightColor.YELLOW : LightColor.GREEN;
        List<String> reasons = new ArrayList<>();
        if (claimed) {
            reasons.add("已申报完成，待办公室核验");
        }
        reasons.addAll(overdue);
        reasons.addAll(warnings);
        if (reasons.isEmpty()) {
            reasons.add(ON_TRACK);
        }
        return new Light(color, claimed ? Light.AWAITING_VERIFICATION : color.label(), claimed, reasons);
    }

    /**
     * The days the light of {@link #of} turns YELLOW and RED, judged by the same rules: RED the day after the earliest
     * deadline still open (uncompleted milestones; the final due date unless claimed); YELLOW from
     * {@code due-soon-days} before it, from the first day the progress lags the plan (unless claimed), or at once
     * with an open major issue.
     */
    public LightSchedule scheduleOf(CommitmentView commitment) {
        if (commitment.status() == CommitmentStatus.VERIFIED) {
            return new LightSchedule(true, null, null);
        }
        boolean claimed = commitment.status() == CommitmentStatus.COMPLETION_CLAIMED;
        LocalDate earliest = null;
        for (MilestoneView milestone : commitment.milestones()) {
            if (!milestone.completed()) {
                earliest = earlier(earliest, milestone.dueDate());
            }
        }
        if (!claimed) {
            earliest = earlier(earliest, commitment.dueDate());
        }
        LocalDate yellow = earliest == null ? null : earliest.minusDays(properties.dueSoonDays());
        if (!claimed) {
            yellow = earlier(yellow, behindPlanFrom(commitment));
        }
        if (!commitment.openIssues().isEmpty()) {
            yellow = LightSchedule.ALWAYS;
        }
        return new LightSchedule(false, yellow, earliest == null ? null : earliest.plusDays(1));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /**
     * The first day {@link #behindPlan} finds the progress lagging, null if never: the smallest elapsed day count
     * passing the very same test (a binary search, since the plan only grows), so the two cannot disagree by rounding.
     */
    private LocalDate behindPlanFrom(CommitmentView commitment) {
        LocalDate start = commitment.startDate();
        LocalDate due = commitment.dueDate();
        if (start == null || due == null || !due.isAfter(start)) {
            return null;
        }
        long total = ChronoUnit.DAYS.between(start, due);
        if (!lags(total, total, commitment.progress())) {
            return null;
        }
        if (lags(0, total, commitment.progress())) {
            return LightSchedule.ALWAYS;
        }
        long low = 0; // does not lag
        long high = total; // lags
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (lags(mid, total, commitment.progress())) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return start.plusDays(high);
    }

    private boolean lags(long elapsed, long total, int progress) {
        double planned = 100.0 * elapsed / total;
        return planned - progress > properties.behindPlanTolerance();
    }

    /** An item's light: the worst of its commitments' lights, NONE without any commitment. */
    public Light worstOf(List<LabelledLight> lights) {
        if (lights.isEmpty()) {
            return Light.of(LightColor.NONE, List.of("尚无责任单位登记承诺"));
        }
        LightColor worst = LightColor.NONE;
        for (LabelledLight light : lights) {
            worst = worst.worse(light.light().color());
        }
        List<String> reasons = new ArrayList<>();
        for (LabelledLight light : lights) {
            if (light.light().color() == worst) {
                light.light().reasons().forEach(reason -> reasons.add(light.label() + "：" + reason));
            }
        }
        return Light.of(worst, reasons);
    }

    /** A light with what it belongs to (e.g. the unit's name), to prefix the reasons it passes on. */
    public record LabelledLight(String label, Light light) {
    }

    private void judgeDeadline(String what, LocalDate due, LocalDate today, List<String> overdue, List<String> warnings) {
        if (due == null) {
            return;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, due);
        if (daysLeft < 0) {
            overdue.add(what + " 已逾期 " + (-daysLeft) + " 天（" + due + "）");
        } else if (daysLeft == 0) {
            warnings.add(what + " 今天到期（" + due + "）");
        } else if (daysLeft <= properties.dueSoonDays()) {
            warnings.add(what + " 将于 " + daysLeft + " 天后到期（" + due + "）");
        }
    }

    private Optional<String> behindPlan(CommitmentView commitment, LocalDate today) {
        LocalDate start = commitment.startDate();
        LocalDate due = commitment.dueDate();
        if (start == null || due == null || !due.isAfter(start)) {
            return Optional.empty();
        }
        long total = ChronoUnit.DAYS.between(start, due);
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(start, today)));
        if (!lags(elapsed, total, commitment.progress())) {
            return Optional.empty();
        }
        double planned = 100.0 * elapsed / total;
        double gap = planned - commitment.progress();
        return Optional.of("进度落后计划 " + Math.round(gap) + " 个百分点（按计划应达 " + Math.round(planned)
                + "%，实报 " + commitment.progress() + "%）");
    }

    private String verifiedReason(CommitmentView commitment) {
        if (commitment.verification() != null && commitment.verification().verifiedAt() != null) {
            return "已于 " + LocalDate.ofInstant(commitment.verification().verifiedAt(), zone()) + " 核验办结";
        }
        return "已核验办结";
    }
}
