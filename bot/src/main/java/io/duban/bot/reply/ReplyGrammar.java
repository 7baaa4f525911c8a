package io.duban.bot.reply;

import java.util.regex.Pattern;

/**
 * Reads an official's DingTalk reply. {@link #parse(String)} is a pure, total function: any string, including null,
 * hostile or absurdly long input, yields a {@link Reply} and never an exception.
 *
 * <p>Steps: cap the length; normalise ({@link MessageNormalizer}: full-width to ASCII, invisible characters out,
 * whitespace collapsed); whole-message commands ("帮助", "我的承诺"); then read the head of the message
 * ({@link HeadScanner}) and decide ({@link ReplyInterpreter}). Whenever the message could mean two things — two
 * percentages, progress and completion together, a date that does not exist, no reference — the answer is a
 * {@link NotUnderstoodReply} that quotes what was understood and asks: a wrong status change in a supervision
 * record is worse than one more message.
 */
public final class ReplyGrammar {

    /** Replies are short; a longer message is most likely a paste by mistake. */
    public static final int MAX_LENGTH = 2_000;

    /** NFKC can expand some characters (e.g. ㍿, ﷺ); the normalised text gets a second, looser cap. */
    static final int MAX_NORMALIZED_LENGTH = 2 * MAX_LENGTH;

    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:@[^\\s#]+\\s)+");
    private static final Pattern HELP = Pattern.compile(
            "(?i)(?:帮助|help|h|用法|怎么用|怎么回复|使用说明|菜单|\\?+)[?!.]*");
    private static final Pattern LIST_MINE = Pattern.compile(
            "(?:查询|列表|我的承诺|我的任务|我的事项|承诺列表|任务列表|查看我的承诺|查看我的任务|查询我的承诺)[?!.]*");

    private ReplyGrammar() {
    }

    public static Reply parse(String text) {
        try {
            return interpret(text);
        } catch (RuntimeException e) {
            // Defence in depth: the fuzz test drives interpret() directly and expects no exception at all; should
            // one slip through anyway, the official gets the help text instead of the handler failing.
            return new NotUnderstoodReply("", ReplyTexts.notUnderstood(""));
        }
    }

    /**
     * Control characters (other than line breaks and tabs) and bidirectional embedding, override and isolate controls
     * (U+202A–U+202E, U+2066–U+2069) never come from a keyboard, and the normalizer would drop them silently: the text
     * the official saw ("\u202E#31 进度 08%" displays reversed) would then differ from what is recorded. Such a message
     * is not acted on. Zero-width characters, direction marks and unpaired surrogates — keyboard and client artefacts
     * — are still dropped.
     */
    static boolean disguised(String text) {
        return text.codePoints().anyMatch(c -> (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r'
                && c != '\t') || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }

    /** The grammar without the safety net, so tests see any exception. */
    static Reply interpret(String text) {
        if (text != null && text.length() > MAX_LENGTH && text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return new NotUnderstoodReply("", ReplyTexts.tooLong(text.codePointCount(0, text.length()), MAX_LENGTH));
        }
        if (text != null && disguised(text)) {
            return new NotUnderstoodReply("", ReplyTexts.disguised());
        }
        String normalized = MessageNormalizer.normalize(text);
        if (normalized.length() > MAX_NORMALIZED_LENGTH) {
            return new NotUnderstoodReply("", ReplyTexts.tooLong(normalized.length(), MAX_LENGTH));
        }
        String body = LEADING_MENTIONS.matcher(normalized).replaceFirst("").strip();
        if (body.isEmpty() || HELP.matcher(body).matches()) {
            return new HelpReply();
        }
        if (LIST_MINE.matcher(body).matches()) {
            return new ListMineReply();
        }
        return ReplyInterpreter.interpret(HeadScanner.scan(body), body);
    }
}
