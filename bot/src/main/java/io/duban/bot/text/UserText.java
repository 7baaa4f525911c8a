package io.duban.bot.text;

import java.util.regex.Pattern;

/**
 * Makes text that people typed (summaries, notes, reasons, names, milestone titles) safe to put into a message the
 * bot sends, so that it reads as what it is and cannot pose as the bot's own words: no fake heading
 * ("### 时限调整已批准"), no link, image or HTML tag, no clickable address.
 * <p>
 * Markdown specials are replaced by their full-width forms instead of backslash-escaped: DingTalk's markdown is a
 * subset whose escaping is not documented, and a backslash it does not honour would show up in the message, while
 * ［点我］ or ＃ read naturally in Chinese text. Line breaks become spaces, so that user text can never start a line
 * (where #, &gt; and - take effect). Addresses keep their text but lose what makes them clickable ({@code http：//}).
 */
public final class UserText {

    /** Markdown and HTML specials and their full-width stand-ins, position for position. */
    private static final String SPECIALS = "\\`*_~[]<>#|&";
    private static final String FULL_WIDTH = "＼｀＊＿～［］＜＞＃｜＆";
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029\\t]+");
    /** Control characters and the invisible characters that change how the rest is shown (bidi, zero-width). */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\p{Cc}&&[^\\n\\r\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{1,20})://");
    private static final Pattern WWW = Pattern.compile("(?i)\\bwww\\.");
    private static final Pattern BARE_SCHEME = Pattern.compile("(?i)\\b(javascript|vbscript|data):");

    private UserText() {
    }

    /** For a value inside a markdown message: one line, no markdown or HTML, no clickable address. */
    public static String markdown(String text) {
        if (text == null) {
            return "";
        }
        String line = INVISIBLE.matcher(LINE_BREAKS.matcher(text).replaceAll(" ")).replaceAll("").strip();
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int special = SPECIALS.indexOf(c);
            out.append(special >= 0 ? FULL_WIDTH.charAt(special) : c);
        }
        return unlink(out.toString());
    }

    /**
     * For a plain-text message (msgtype text, which shows markdown as typed): keeps the lines, drops invisible
     * characters and makes addresses non-clickable.
     */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        return unlink(INVISIBLE.matcher(text).replaceAll(""));
    }

    /** {@code http://x} → {@code http：//x}, {@code www.x} → {@code www．x}, {@code javascript:} → {@code javascript：}. */
    static String unlink(String text) {
        String out = SCHEME.matcher(text).replaceAll(m -> m.group(1) + "：//");
        out = WWW.matcher(out).replaceAll(m -> m.group().substring(0, 3) + "．");
        return BARE_SCHEME.matcher(out).replaceAll(m -> m.group(1) + "：");
    }
}
