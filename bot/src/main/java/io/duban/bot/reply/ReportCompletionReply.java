package io.duban.bot.reply;

/** "#31 已完成 补助已拨付": the unit claims completion; the office verifies it later. Summary is "" when none. */
public record ReportCompletionReply(CommitmentRef ref, String summary) implements Reply {
}
