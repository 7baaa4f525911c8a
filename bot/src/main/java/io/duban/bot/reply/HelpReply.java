package io.duban.bot.reply;

/** "帮助", "?", or an empty message: answer with {@link ReplyTexts#help()}. */
public record HelpReply() implements Reply {
}
