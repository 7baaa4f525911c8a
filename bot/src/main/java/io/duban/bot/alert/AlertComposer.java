package io.duban.bot.alert;

import io.duban.bot.DingTalkProperties;
import io.duban.bot.text.UserText;
import io.duban.command.api.CommitmentId;
import io.duban.command.api.ItemReference;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Words alerts in Chinese: what is due, since when, and exactly what to type back (items named by
 * {@link ItemReference}). DingTalk markdown has no code
 * blocks or tables, so reply examples are plain lines in 「」. Every value that comes from an event or the read side
 * (what people typed: summaries, reasons, comments, names, milestone titles) passes through {@link UserText#markdown}
 * first, so it cannot add headings, links, images or HTML to the message.
 */
@Component
public class AlertComposer {

    private final String defaultPolicyId;

    public AlertComposer(DingTalkProperties properties) {
        this.defaultPolicyId = properties.defaultPolicyId();
    }

    /** The short reference an official types back, e.g. #31 (or #policy/31 outside the default policy). */
    public String reference(AlertSubject commitment) {
        return ItemReference.typed(defaultPolicyId, commitment.policyId(), commitment.itemNumber());
    }

    public ComposedAlert compose(AlertKind kind, Map<String, String> given, AlertSubject commitment) {
        Map<String, String> facts = neutralized(given);
        String ref = reference(commitment);
        String subject = ItemReference.label(commitment.itemNumber()) + "（" + UserText.markdown(commitment.unitName()) + "）";
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
            case QUARTERLY_REPORT_REQUESTED, QUARTERLY_REPORT_OVERDUE -> quarterly(kind, facts, commitment);
            case QUARTERLY_DIGEST -> throw new IllegalArgumentException("a digest is composed by composeDigest");
        };
    }

    /** The quarterly report request or reminder to one unit, listing its items of the round. */
    private ComposedAlert quarterly(AlertKind kind, Map<String, String> facts, AlertSubject commitment) {
        String unitName = UserText.markdown(commitment.unitName());
        List<String> refs = ids(facts.get("commitmentIds")).stream().map(this::referenceOf).toList();
        String first = refs.isEmpty() ? reference(commitment) : refs.get(0);
        boolean overdue = kind == AlertKind.QUARTERLY_REPORT_OVERDUE;
        String heading = overdue ? "季度进度逾期未报" : "季度调度：请报送本季度进度";
        return new ComposedAlert((overdue ? "催报：" : "季度调度：") + facts.get("roundId") + " " + unitName,
                "### " + heading + "\n\n**轮次**：" + facts.get("roundId") + "\n\n**单位**：" + unitName
                        + "\n\n**事项**：" + String.join("、", refs)
                        + (overdue ? "\n\n**报送截止**：" + facts.get("reportDeadline") + "（已过），以上事项尚未报送本季度进度。"
                                : "\n\n**报送截止**：" + facts.get("reportDeadline"))
                        + "\n\n请逐项回复进度（可复制后修改）：\n\n「" + first + " 进度 80% 本季度完成的工作」");
    }

    /** The office group's digest of a closed round: counts, who did not report, and where the full page is. */
    public ComposedAlert composeDigest(Map<String, String> given, Function<String, Optional<String>> unitNames) {
        Map<String, String> facts = neutralized(given);
        List<String> missing = ids(facts.get("notReported"));
        StringBuilder text = new StringBuilder("### 季度调度汇总：" + facts.get("roundId") + "\n\n**季度**："
                + facts.get("quarterStart") + " 至 " + facts.get("quarterEnd") + "\n\n**已报送**：" + facts.get("reported")
                + " 项；**未报送**：" + missing.size() + " 项");
        if (!missing.isEmpty()) {
            text.append("\n\n**未报送单位**：\n");
            for (String id : missing) {
                text.append("\n- ").append(referenceOf(id)).append(" ").append(UserText.markdown(
                        unitNames.apply(id).orElse(CommitmentId.unitOf(id))));
            }
        }
        text.append("\n\n完整汇总（按事项、按单位、逾期最严重事项）：").append(facts.get("digestPath"));
        return new ComposedAlert("季度调度汇总 " + facts.get("roundId"), text.toString());
    }

    /** The reference of a commitment id ({@code policy.item.unit}), as {@link #reference(AlertSubject)} words it. */
    String referenceOf(String commitmentId) {
        return ItemReference.ofCommitment(defaultPolicyId, commitmentId);
    }

    /** The facts with every value made safe for markdown (dates, ids and counts come through unchanged). */
    private static Map<String, String> neutralized(Map<String, String> facts) {
        Map<String, String> safe = new LinkedHashMap<>();
        facts.forEach((key, value) -> safe.put(key, value == null ? null : UserText.markdown(value)));
        return safe;
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** Progress and responsible person, each left out when the read side did not know it yet. */
    private static String status(AlertSubject commitment) {
        return (commitment.progress() == null ? "" : "\n\n**当前进度**：" + commitment.progress() + "%")
                + (commitment.responsibleName() == null ? ""
                : "\n\n**责任人**：" + UserText.markdown(commitment.responsibleName()));
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

    private ComposedAlert overdue(Map<String, String> facts, AlertSubject commitment, String ref, String subject) {
        LocalDate due = LocalDate.parse(facts.get("dueDate"));
        String what = target(facts, commitment);
        String milestoneId = facts.get("milestoneId");
        String delay = milestoneId == null ? "" : " " + milestoneId;
        return new ComposedAlert("督办提醒：" + ref + " 已逾期",
                "### 督办提醒：逾期未完成\n\n**事项**：" + subject
                        + "\n\n**逾期**：" + what + "，截止 " + due + "，自 " + due.plusDays(1) + " 起逾期"
                        + status(commitment)
                        + "\n\n请直接回复（可复制后修改）：\n\n"
                        + "- 报告进度：「" + ref + " 进度 80% 已完成的工作」\n"
                        + "- 申请延期：「" + ref + delay + " 延期 " + due.plusMonths(3) + " 原因」\n"
                        + "- 报告困难：「" + ref + " 困难 具体情况」\n"
                        + "- 确认收到：「收到 " + ref + "」");
    }

    private static String target(Map<String, String> facts, AlertSubject commitment) {
        String milestoneId = facts.get("milestoneId");
        return milestoneId == null ? "总体完成时限"
                : "里程碑 " + milestoneId + "「" + UserText.markdown(commitment.milestoneTitle(milestoneId)) + "」";
    }

    private static String optional(String label, String value) {
        return value == null || value.isBlank() ? "" : label + value;
    }
}
