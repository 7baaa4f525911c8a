package io.duban.bot.reply;

/** "收到 #31": the official has read the alert about this commitment. */
public record AcknowledgeReply(CommitmentRef ref) implements Reply {
}
