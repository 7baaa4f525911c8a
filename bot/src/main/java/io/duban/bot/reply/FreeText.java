package io.duban.bot.reply;

import java.util.regex.Pattern;

/**
 * The text after the head becomes the note, summary or reason. People often write a label ("原因：审批流程长") or start
 * with a comma; both are dropped so the timeline shows just the content.
 */
final class FreeText {

    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s,.;:!、~-]+");
    private static final Pattern LABEL = Pattern.compile("^(?:原因|理由|备注|说明|情况)(?:\\s?:\\s?|是|为)");

    private FreeText() {
    }

    static String clean(String rest) {
        String text = LEADING_SEPARATORS.matcher(rest).replaceFirst("");
        text = LABEL.matcher(text).replaceFirst("");
        text = LEADING_SEPARATORS.matcher(text).replaceFirst("");
        return text.strip();
    }

    /** A reason or summary made only of punctuation ("……", "。") says nothing. */
    static boolean hasContent(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
