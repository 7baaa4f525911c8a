package io.duban.bot.alert;

import io.duban.bot.DingTalkProperties;
import io.duban.bot.ledger.LedgerEntry;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;

/**
 * Words alerts in Chinese: what is due, since when, and exactly what to type back. DingTalk markdown has no code
 * blocks or tables, so reply examples are plain lines in 「」.
 */
@Component
public class AlertComposer {

    private final String defaultPolicyId;

    public AlertComposer(DingTalkProperties properties) {
        this.defaultPolicyId = properties.defaultPolicyId();
    }

    /** The short reference an official types back, e.g. #31 (or #policy/31 outside the default policy). */
    public String reference(LedgerEntry commitment) {
        return commitment.policyId().equals(defaultPolicyId) ? "#" + commitment.itemNumber()
                : "#" + commitment.policyId() + "/" + commitment.itemNumber();
    }

    public ComposedAlert compose(AlertKind kind, Map<String, String> facts, LedgerEntry commitment) {
        String ref = reference(commitment);
        String subject = "第" + commitment.itemNumber() + "项（" + commitment.unitName() + "）";
        return switch (kind) {
            case OVERDUE -> overdue(facts, commitment, ref, subject);
            case DEADLINE_APPROVED -> new ComposedAlert("时限调整已批准：" + ref,
                    "### 时限调整已批准\n\n**事项**：" + subject + "\n\n**调整**：" + target(facts, commitment) + " 由 "
                            + facts.get("previousDueDate") + " 调整为 **" + facts.get("newDueDate") + "**"
                            + optional("\n\n**审批意见**：", facts.get("comment"))
                            + "\n\n请按新的时限推进，并及时报告进度：\n\n「" + ref + " 进度 60% 工作进展说明」");
            case DEADLINE_REJECTED -> new ComposedAlert("时限调整未获批准：" + ref,
                    "### 时限调整未获批准\n\n**事项**：" + subject + "\n\n**申请**：" + target(facts, commitment)
                            + "（" + facts.get("changeId") + "）\n\n**理由**：" + facts.get("reason")
                            + "\n\n原截止日期不变。如遇困难，请回复：\n\n「" + ref + " 困难 具体情况」");
            case COMPLETION_SENT_BACK -> new ComposedAlert("办结申请被退回：" + ref,
                    "### 办结申请被退回\n\n**事项**：" + subject + "\n\n**退回理由**：" + facts.get("reason")
                            + "\n\n请补充后重新申请办结：\n\n「" + ref + " 已完成 补充说明」");
            case MAJOR_ISSUE -> new ComposedAlert("重大事项：" + ref + " " + facts.get("summary"),
                    "### 重大事项报告\n\n**事项**：" + subject + "\n\n**摘要**：" + facts.get("summary")
                            + optional("\n\n**详情**：", facts.get("detail"))
                            + "\n\n**报告人**：" + facts.get("raisedBy") + "\n\n**编号**：" + facts.get("issueId")
                            + "\n\n办公室确认收到请回复：「收到 " + ref + "」");
            case DUE_SOON -> new ComposedAlert("督办提醒：" + ref + " 还有" + facts.get("workingDaysLeft") + "个工作日到期",
                    "### 督办提醒：即将到期\n\n**事项**：" + subject + "\n\n**到期**：" + target(facts, commitment)
                            + "，截止 " + facts.get("dueDate") + "，还有 **" + facts.get("workingDaysLeft") + "** 个工作日"
                            + status(commitment) + replyHints(ref, facts));
            case ESCALATED_TO_LEADER -> new ComposedAlert("督办升级（二级）：" + ref + " 逾期未报告",
                    "### 督办升级（二级）：请单位领导关注\n\n**事项**：" + subject + "\n\n**逾期**："
                            + target(facts, commitment) + "，截止 " + facts.get("dueDate")
                            + "\n\n逾期后至今未报告进度，也未确认收到提醒。" + status(commitment)
                            + replyHints(ref, facts));
            case ESCALATED_TO_OFFICE -> new ComposedAlert("督办升级（三级）：" + ref + " 逾期未报告",
                    "### 督办升级（三级）：已列入办公室督办清单\n\n**事项**：" + subject + "\n\n**逾期**："
                            + target(facts, commitment) + "，截止 " + facts.get("dueDate")
                            + "\n\n逾期后责任单位仍未报告进度或确认。" + status(commitment)
                            + "\n\n办公室确认收到请回复：「收到 " + ref + "」");
            case URGED -> new ComposedAlert("催办：" + ref,
                    "### 催办通知\n\n**事项**：" + subject + "\n\n**催办内容**：" + facts.get("message")
                            + "\n\n**催办人**：" + facts.get("urgedBy") + status(commitment) + replyHints(ref, facts));
        };
    }

    private static String status(LedgerEntry commitment) {
        return "\n\n**当前进度**：" + commitment.progress() + "%\n\n**责任人**：" + commitment.responsibleName();
    }

    private static String replyHints(String ref, Map<String, String> facts) {
        String milestoneId = facts.get("milestoneId");
        String due = facts.get("dueDate");
        return "\n\n请直接回复（可复制后修改）：\n\n"
                + "- 报告进度：「" + ref + " 进度 80% 已完成的工作」\n"
                + (due == null ? "" : "- 申请延期：「" + ref + (milestoneId == null ? "" : " " + milestoneId) + " 延期 "
                        + LocalDate.parse(due).plusMonths(3) + " 原因」\n")
                + "- 报告困难：「" + ref + " 困难 具体情况」\n"
                + "- 确认收到：「收到 " + ref + "」";
    }

    private ComposedAlert overdue(Map<String, String> facts, LedgerEntry commitment, String ref, String subject) {
        LocalDate due = LocalDate.parse(facts.get("dueDate"));
        String what = target(facts, commitment);
        String milestoneId = facts.get("milestoneId");
        String delay = milestoneId == null ? "" : " " + milestoneId;
        return new ComposedAlert("督办提醒：" + ref + " 已逾期",
                "### 督办提醒：逾期未完成\n\n**事项**：" + subject
                        + "\n\n**逾期**：" + what + "，截止 " + due + "，自 " + due.plusDays(1) + " 起逾期"
                        + "\n\n**当前进度**：" + commitment.progress() + "%"
                        + "\n\n**责任人**：" + commitment.responsibleName()
                        + "\n\n请直接回复（可复制后修改）：\n\n"
                        + "- 报告进度：「" + ref + " 进度 80% 已完成的工作」\n"
                        + "- 申请延期：「" + ref + delay + " 延期 " + due.plusMonths(3) + " 原因」\n"
                        + "- 报告困难：「" + ref + " 困难 具体情况」\n"
                        + "- 确认收到：「收到 " + ref + "」");
    }

    private static String target(Map<String, String> facts, LedgerEntry commitment) {
        String milestoneId = facts.get("milestoneId");
        return milestoneId == null ? "总体完成时限"
                : "里程碑 " + milestoneId + "「" + commitment.milestoneTitle(milestoneId) + "」";
    }

    private static String optional(String label, String value) {
        return value == null || value.isBlank() ? "" : label + value;
    }
}
