package io.duban.bot.reply;

/**
 * The reply was not clear enough to act on. Nothing is recorded; the official gets {@link #text()}.
 *
 * @param understood what the bot did recognise, in Chinese (e.g. "#31，报告进度，80%，报告完成"), or "" if nothing
 * @param question   the Chinese question or explanation, with examples of what to send instead
 */
public record NotUnderstoodReply(String understood, String question) implements Reply {

    /** The message to send back: what was understood (so the official sees how it was read), then the question. */
    public String text() {
        return understood.isEmpty() ? question : "我读到的是：" + understood + "。\n" + question;
    }
}
