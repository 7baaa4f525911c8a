package io.duban.command.catalog;

/**
 * Whitespace in these documents is layout, not content: Chinese text has no word spaces, so a space or a line break
 * inside a cell is an artefact of the typesetting. The one exception is a space between two ASCII words, which must
 * survive so that e.g. "Wi Fi" does not become "WiFi".
 */
final class ChineseWhitespace {

    private ChineseWhitespace() {
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Removes every whitespace character. */
    static String removeAll(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Removes whitespace, except that a run between two ASCII letters or digits becomes a single space. */
    static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isSpace(text.charAt(end))) {
                end++;
            }
            boolean betweenAsciiWords = out.length() > 0 && end < text.length()
                    && isAsciiLetterOrDigit(out.charAt(out.length() - 1)) && isAsciiLetterOrDigit(text.charAt(end));
            if (betweenAsciiWords) {
                out.append(' ');
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
