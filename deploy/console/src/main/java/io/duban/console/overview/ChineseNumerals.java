package io.duban.console.overview;

/** Reads the number of an article's marker, e.g. （十二） → 12, so articles sort as the document numbers them. */
final class ChineseNumerals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** The marker's number; {@link Integer#MAX_VALUE} (last) for no marker or one that is not a Chinese numeral. */
    static int articleNumber(String marker) {
        if (marker == null) {
            return Integer.MAX_VALUE;
        }
        String digits = marker.replaceAll("[（）()\\s]", "");
        if (digits.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        int total = 0;
        int current = 0;
        for (char c : digits.toCharArray()) {
            int digit = c == '零' ? 0 : DIGITS.indexOf(c);
            if (digit >= 0) {
                current = digit;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            } else {
                return Integer.MAX_VALUE;
            }
        }
        return total + current;
    }
}
