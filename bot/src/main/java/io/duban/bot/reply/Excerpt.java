package io.duban.bot.reply;

/** The official's own words, shortened to a fixed number of characters so an answer quoting them stays short. */
final class Excerpt {

    private Excerpt() {
    }

    static String of(String text, int maxCodePoints) {
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) <= maxCodePoints) {
            return stripped;
        }
        return stripped.substring(0, stripped.offsetByCodePoints(0, maxCodePoints)) + "…";
    }
}
