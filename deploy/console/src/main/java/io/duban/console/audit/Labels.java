package io.duban.console.audit;

import io.duban.console.ActorLabels;
import io.duban.command.api.Channel;
import io.duban.command.api.Role;
import io.duban.query.api.timeline.TimelineEventTypes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names of event types, channels and roles, and times in the business zone, as the audit pages show them. */
public final class Labels {

    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        String[][] names = {
                {"PolicyImported", "政策文件导入"}, {"CommitmentRegistered", "登记承诺"}, {"ProgressReported", "报告进度"},
                {"MilestoneCompleted", "完成节点"}, {"DeadlineChangeRequested", "申请延期"},
                {"DeadlineChangeApproved", "批准延期"}, {"DeadlineChangeRejected", "驳回延期"},
                {"MajorIssueRaised", "报告重大事项"}, {"MajorIssueResolved", "重大事项解决"},
                {"CompletionClaimed", "申请办结"}, {"CompletionVerified", "核验办结（销号）"},
                {"CommitmentReopened", "退回"}, {"MilestoneBecameOverdue", "节点逾期"},
                {"DueDateApproaching", "临近到期提醒"}, {"EscalationStarted", "开始督办升级"},
                {"EscalationRaised", "督办升级"}, {"EscalationPaused", "督办升级暂停"},
                {"EscalationEnded", "督办升级结束"}, {"CommitmentUrged", "催办"}, {"AlertAcknowledged", "确认收到提醒"},
                {"OfficialAppointed", "登记联络人"}, {"OfficialRemoved", "移除联络人"}};
        for (String[] name : names) {
            TYPES.put(name[0], name[1]);
        }
        for (String type : TimelineEventTypes.NAMES) {
            TYPES.putIfAbsent(type, type); // a type added later shows by its name until it gets a Chinese one
        }
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Labels() {
    }

    /** Every event type the timeline records, with its Chinese name, in the order of a commitment's life. */
    public static Map<String, String> types() {
        return TYPES;
    }

    public static String type(String type) {
        return type == null ? "" : TYPES.getOrDefault(type, type);
    }

    public static String channel(Channel channel) {
        return ActorLabels.channel(channel);
    }

    public static String role(Role role) {
        return ActorLabels.role(role);
    }

    /** An instant as business-zone wall time, e.g. 2026-10-01 09:30:00. */
    public static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }
}
