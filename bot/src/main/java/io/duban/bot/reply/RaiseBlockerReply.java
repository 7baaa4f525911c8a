package io.duban.bot.reply;

/** "#31 困难 资金缺口2亿元": a difficulty or major issue for the office; the summary is never empty. */
public record RaiseBlockerReply(CommitmentRef ref, String summary) implements Reply {
}
