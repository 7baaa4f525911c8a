package io.duban.query.timeline;

import io.duban.command.api.AlertAcknowledged;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.evidence.CompletionEvidenceWaived;
import io.duban.command.api.evidence.EvidenceAttached;
import io.duban.command.api.evidence.EvidenceFile;
import io.duban.command.api.evidence.EvidenceOccasion;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.DeadlineChangeRejected;
import io.duban.command.api.DeadlineChangeRequested;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.MilestoneCompleted;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ProgressReported;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** The one-line Chinese summary of each event, as the timeline shows it. A pure function of the event. */
public final class TimelineSummaries {

    private TimelineSummaries() {
    }

    public static String of(PolicyImported e) {
        return "导入政策文件 " + e.documentNumber() + "《" + e.title() + "》，共 " + e.items().size() + " 项支持事项";
    }

    public static String of(CommitmentRegistered e) {
        StringBuilder text = new StringBuilder("登记承诺");
        if (e.responsible() != null) {
            text.append("：责任人 ").append(e.responsible().name());
            if (notBlank(e.responsible().position())) {
                text.append("（").append(e.responsible().position()).append("）");
            }
        }
        text.append("，计划 ").append(e.startDate()).append(" 至 ").append(e.dueDate());
        int milestones = e.milestones() == null ? 0 : e.milestones().size();
        text.append("，").append(milestones).append(" 个里程碑");
        return text.toString();
    }

    public static String of(ProgressReported e) {
        StringBuilder text = new StringBuilder("报告进度 ").append(e.percent()).append("%");
        if (e.percent() < e.previousPercent()) {
            text.append("（原 ").append(e.previousPercent()).append("%）");
        }
        return text.append(detail(e.note()))
                .append(notBlank(e.reasonForDecrease()) ? "；下调原因：" + e.reasonForDecrease() : "")
                .toString();
    }

    public static String of(MilestoneCompleted e) {
        return "完成里程碑 " + e.milestoneId() + detail(e.note());
    }

    public static String of(DeadlineChangeRequested e) {
        return "申请将" + deadline(e.milestoneId()) + "由 " + e.currentDueDate() + " 调整为 " + e.requestedDueDate()
                + detail(e.reason());
    }

    public static String of(DeadlineChangeApproved e) {
        String verb = isLater(e.newDueDate(), e.previousDueDate()) ? "办公室批准延期：" : "办公室批准调整期限：";
        return verb + deadline(e.milestoneId()).strip() + "由 " + e.previousDueDate() + " 调整为 " + e.newDueDate()
                + (notBlank(e.comment()) ? "（" + e.comment() + "）" : "");
    }

    public static String of(DeadlineChangeRejected e) {
        return "办公室驳回" + deadline(e.milestoneId()) + "调整申请" + detail(e.reason());
    }

    public static String of(EvidenceAttached e) {
        String files = e.files().stream().map(EvidenceFile::name).collect(java.util.stream.Collectors.joining("、"));
        String with = e.occasion() == EvidenceOccasion.MILESTONE_COMPLETION ? "里程碑 " + e.milestoneId() + " 完成"
                : e.occasion().label();
        return "提交佐证材料（" + with + "）" + e.files().size() + " 个：" + files;
    }

    public static String of(CompletionEvidenceWaived e) {
        return "办公室同意免附佐证材料申请办结" + detail(e.reason());
    }

    public static String of(MajorIssueRaised e) {
        return "报告重大事项：" + e.summary();
    }

    public static String of(MajorIssueResolved e) {
        return "重大事项 " + e.issueId() + " 已解决" + detail(e.resolution());
    }

    public static String of(CompletionClaimed e) {
        return "申报完成" + detail(e.summary());
    }

    public static String of(CompletionVerified e) {
        return "办公室核验办结" + detail(e.comment());
    }

    public static String of(CommitmentReopened e) {
        return "办公室退回，重新打开" + detail(e.reason());
    }

    /**
     * {@code 里程碑 M1「出台补贴办法」已逾期（截止 2026-03-31）}, or for the final due date
     * {@code 总体完成时限 2026-12-31 已过，尚未办结}.
     *
     * @param milestoneTitle the milestone's title, null when unknown (then left out)
     */
    public static String of(MilestoneBecameOverdue e, String milestoneTitle) {
        if (e.milestoneId() == null) {
            return "总体完成时限 " + e.dueDate() + " 已过，尚未办结";
        }
        return "里程碑 " + e.milestoneId() + (notBlank(milestoneTitle) ? "「" + milestoneTitle + "」" : " ")
                + "已逾期（截止 " + e.dueDate() + "）";
    }

    public static String of(AlertAcknowledged e) {
        return "确认收到督办提醒";
    }

    // reminders, the escalation ladder and urging: "what" is 总体完成时限 or 里程碑 M1「title」
    public static String of(io.duban.command.api.DueDateApproaching e, String milestoneTitle) {
        return what(e.milestoneId(), milestoneTitle) + "还有 " + e.workingDaysLeft() + " 个工作日到期（截止 " + e.dueDate() + "）";
    }

    public static String of(io.duban.command.api.EscalationStarted e, String milestoneTitle) {
        return what(e.milestoneId(), milestoneTitle) + "逾期，启动督办升级（" + (e.ladder().isEmpty() ? "不升级"
                : "逾期 " + String.join("/", e.ladder().stream().map(String::valueOf).toList()) + " 个工作日后逐级升级") + "）";
    }

    public static String of(io.duban.command.api.EscalationRaised e, String milestoneTitle) {
        return what(e.milestoneId(), milestoneTitle) + "督办升级至" + (e.level() == 2 ? "二级（单位领导）"
                : e.level() >= 3 ? "三级（领导小组办公室）" : e.level() + "级");
    }

    public static String of(io.duban.command.api.EscalationPaused e, String milestoneTitle) {
        return what(e.milestoneId(), milestoneTitle) + "督办升级暂停于" + e.level() + "级（"
                + (e.reason() == io.duban.command.api.EscalationPauseReason.PROGRESS_REPORTED ? "已报告进度" : "已确认收到")
                + "）";
    }

    public static String of(io.duban.command.api.EscalationEnded e, String milestoneTitle) {
        return what(e.milestoneId(), milestoneTitle) + "督办升级结束（" + switch (e.reason()) {
            case MILESTONE_COMPLETED -> "里程碑已完成";
            case COMPLETION_CLAIMED -> "已申请办结";
            case DEADLINE_CHANGED -> "时限已调整";
        } + "）";
    }

    public static String of(io.duban.command.api.CommitmentUrged e) {
        return "办公室催办" + detail(e.message());
    }

    private static String what(String milestoneId, String milestoneTitle) {
        return milestoneId == null ? "总体完成时限"
                : "里程碑 " + milestoneId + (notBlank(milestoneTitle) ? "「" + milestoneTitle + "」" : " ");
    }

    /**
     * {@code 人员名录：任命 王五 为 自治区财政厅 工作人员}, {@code 人员名录：移出 王五（调离）}…
     *
     * @param unitName a unit's name by id (the id itself when no name is known)
     */
    static String of(DirectoryDetails d, Function<String, String> unitName) {
        String text = "人员名录：" + d.action().verb() + " " + (d.name() == null ? "（姓名不详）" : d.name());
        if (d.action() == DirectoryAction.REMOVED) {
            return text + (notBlank(d.reason()) ? "（" + d.reason() + "）" : "");
        }
        if (d.role() == null) {
            return text;
        }
        List<String> units = d.unitIds() == null ? List.of() : d.unitIds().stream().map(unitName).toList();
        String unitText = units.isEmpty() ? "责任单位" : String.join("、", units);
        return text + switch (d.role()) {
            case OFFICIAL -> " 为 " + unitText + " 工作人员";
            case UNIT_LEADER -> " 为 " + unitText + " 负责人";
            case OFFICE -> " 为 领导小组办公室 工作人员";
            case INSPECTOR -> " 为 督查人员";
        };
    }

    /** "最终完成期限" or " M2 截止日期" (a space before the Latin id, none after the Chinese text before it). */
    private static String deadline(String milestoneId) {
        return milestoneId == null ? "最终完成期限" : " " + milestoneId + " 截止日期";
    }

    private static String detail(String text) {
        return notBlank(text) ? "：" + text : "";
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static boolean isLater(LocalDate candidate, LocalDate reference) {
        return candidate != null && reference != null && candidate.isAfter(reference);
    }
}
