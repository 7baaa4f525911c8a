package io.duban.bot.reply;

/**
 * What an official's DingTalk reply means. Produced by {@link ReplyGrammar#parse(String)}; anything not clearly one
 * of the actions is a {@link NotUnderstoodReply}, never a guess.
 */
public sealed interface Reply permits ReportProgressReply, ReportCompletionReply, RequestDeadlineChangeReply,
        RaiseBlockerReply, AcknowledgeReply, ListMineReply, HelpReply, NotUnderstoodReply {
}
