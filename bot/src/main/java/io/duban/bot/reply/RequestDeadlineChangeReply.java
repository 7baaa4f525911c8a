package io.duban.bot.reply;

import java.time.LocalDate;

/**
 * "#31 M2 延期至 2027-06-30 原因：审批流程长": ask the office to move a due date.
 *
 * @param milestoneId the milestone ("M2"), or {@code null} for the commitment's final due date
 * @param date        the requested new due date
 * @param reason      why; never empty (a request without a reason is not understood)
 * @param advance     the official wrote "提前" (an earlier date), not "延期"
 */
public record RequestDeadlineChangeReply(CommitmentRef ref, String milestoneId, LocalDate date, String reason,
                                         boolean advance)
        implements Reply {
}
