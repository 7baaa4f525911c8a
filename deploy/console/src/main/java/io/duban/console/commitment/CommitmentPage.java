package io.duban.console.commitment;

import io.duban.query.api.commitment.CommitmentView;

import java.time.LocalDate;
import java.util.List;

/**
 * What the commitment page shows, read once per page view.
 *
 * @param lightKey   CSS modifier of the light (red, yellow, green, done, none)
 * @param statusKey  the command side's status name (OPEN, COMPLETION_CLAIMED, VERIFIED)
 * @param plan       the milestones by date (the final due date is {@code dueDate}, registered as {@code originalDueDate})
 * @param chartJson  plan and progress history for the charts, JSON in a data attribute (escaped)
 * @param lastSequence the last event the commitments view applied (the page waits for a newer one after an action)
 * @param view       the commitment as the read side holds it, for the office's decision forms
 * @param evidenceWaiver why the office allowed a claim without 佐证材料, or null
 */
public record CommitmentPage(String commitmentId, String policyId, int itemNumber, String itemText,
                             String unitId, String unitName, String responsibleName, String responsiblePosition,
                             String roadmap, LocalDate startDate, LocalDate dueDate, LocalDate originalDueDate,
                             int progress, String progressNote, String lightKey, String lightLabel,
                             List<String> lightReasons, String statusKey, String statusLabel,
                             List<PlanRow> plan, List<Pending> pending, List<Issue> issues, String claimSummary,
                             List<Entry> timeline, String chartJson, long lastSequence, CommitmentView view,
                             List<Evidence> evidence, String evidenceWaiver) {

    /**
     * A file of 佐证材料, oldest first.
     *
     * @param occasion what it came with, e.g. 进度报告, 里程碑 M1 完成, 申请办结
     */
    public record Evidence(String sha256, String name, String size, String occasion, String who, String at) {
    }

    /**
     * A milestone with its original date (as registered) and its date now (after approved changes).
     *
     * @param requested a date asked for and not decided yet, or null
     */
    public record PlanRow(String milestoneId, String title, LocalDate original, LocalDate current, boolean completed,
                          boolean overdue, LocalDate requested) {

        public boolean moved() {
            return original != null && !original.equals(current);
        }
    }

    public record Pending(String changeId, String target, LocalDate currentDueDate, LocalDate requestedDueDate,
                          String reason, String requestedBy) {
    }

    public record Issue(String issueId, String summary, String detail, String raisedBy, String raisedAt) {
    }

    /** A timeline line: Shanghai time, who (with role), channel, the DingTalk msgId when there was one. */
    public record Entry(String at, String who, String role, String channel, String messageId, String summary,
                        Integer percent) {
    }

    public boolean verified() {
        return "VERIFIED".equals(statusKey);
    }

    public boolean open() {
        return "OPEN".equals(statusKey);
    }

    /** Milestones that may still be completed or moved. */
    public List<PlanRow> openMilestones() {
        return plan.stream().filter(row -> row.milestoneId() != null && !row.completed()).toList();
    }
}
