package io.duban.query.api.scorecard;

import io.duban.query.api.light.LightColor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every unit's figures over a period, ranked by {@link #RULE}.
 *
 * @param asOf  the business date the figures were read on (overdue milestones count their days late up to it)
 * @param units ranked first (best score first), then the units with nothing due in the period, by name
 */
public record Scorecard(LocalDate from, LocalDate to, LocalDate asOf, List<UnitScore> units) {

    /** Points of the milestone part and of the report part, and the deduction per missing report. */
    public static final int MILESTONE_WEIGHT = 60;
    public static final int REPORT_WEIGHT = 40;
    public static final int MISSING_REPORT_PENALTY = 5;

    /** The ranking rule as the console and the exports print it next to the table. */
    public static final String RULE = "得分 = 60 × 里程碑按期完成率 + 40 × 季度报送率 − 5 × 缺报次数（最低 0 分）。"
            + "按期完成率 = 按期完成 ÷ 到期里程碑；季度报送率 = (按时报送 + 0.5 × 迟报) ÷ 应报；"
            + "期内某一项无到期（应报）的，该项权重并入另一项；两项均无的单位不参与排名。"
            + "同分时逾期天数合计少者在前。里程碑以到期日（含经批准的延期）计入期间，季度报告以报送截止日计入期间"
            + "（截止日之后才纳入本轮调度的承诺，以该季度最后一天为截止日）。";

    public Scorecard {
        units = List.copyOf(units);
    }

    /**
     * One unit's figures.
     *
     * @param rank                 1, 2, …; 0 when not ranked (nothing due in the period)
     * @param score                0.0–100.0, one decimal; null when not ranked
     * @param milestonesDue        milestones whose due date lies in the period and has come (or that are done)
     * @param milestonesOnTime     of those, completed on or before their due date
     * @param milestonesLate       of those, completed after it
     * @param milestonesOverdue    of those, not completed and past their due date
     * @param daysLate             days late summed over the late and the overdue ones (overdue: up to {@code asOf})
     * @param maxDaysLate          the most days late of one milestone
     * @param reportsDue           quarterly reports whose deadline lies in the period and has passed (or that came); a
     *                             commitment the round listed after its deadline owes its report by the quarter's end
     * @param reportsOnTime        of those, reported by the deadline
     * @param reportsLate          reported after it
     * @param reportsMissing       not reported
     * @param changesRequested     deadline changes asked for in the period
     * @param changesApproved      deadline changes approved in the period
     * @param issuesRaised         major issues raised in the period
     * @param issuesResolved       major issues resolved in the period
     * @param lights               the unit's items by current light (every colour present)
     */
    public record UnitScore(int rank, String unitId, String unitName, Double score,
                            int milestonesDue, int milestonesOnTime, int milestonesLate, int milestonesOverdue,
                            long daysLate, long maxDaysLate,
                            int reportsDue, int reportsOnTime, int reportsLate, int reportsMissing,
                            int changesRequested, int changesApproved, int issuesRaised, int issuesResolved,
                            Map<LightColor, Integer> lights) {

        public UnitScore {
            lights = Map.copyOf(lights);
        }

        /** On-time rate of milestones, 0.0–1.0; null when none were due. */
        public Double onTimeRate() {
            return milestonesDue == 0 ? null : (double) milestonesOnTime / milestonesDue;
        }

        /** Report rate (a late report counts half), 0.0–1.0; null when none were due. */
        public Double reportRate() {
            return reportsDue == 0 ? null : (reportsOnTime + 0.5 * reportsLate) / reportsDue;
        }

        public boolean ranked() {
            return score != null;
        }
    }
}
