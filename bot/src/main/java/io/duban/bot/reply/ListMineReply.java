package io.duban.bot.reply;

/** "我的承诺": list the commitments of the sender's units. */
public record ListMineReply() implements Reply {
}
