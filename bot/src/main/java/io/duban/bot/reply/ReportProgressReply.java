package io.duban.bot.reply;

/** "#31 进度 80% 完成可研批复": overall progress 0–100 with an optional note ("" when none). */
public record ReportProgressReply(CommitmentRef ref, int percent, String note) implements Reply {
}
