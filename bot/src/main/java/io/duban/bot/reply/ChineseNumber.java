package io.duban.bot.reply;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads the small Chinese numerals people use in "百分之八十" (0–999). Anything irregular ("八八", "十十") is
 * refused rather than read approximately.
 */
final class ChineseNumber {

    private static final Pattern SHAPE = Pattern.compile(
            "(?:([一二两三四五六七八九])?百)?(?:(零)?([一二两三四五六七八九])?(十))?(?:(零)?([零〇一二两三四五六七八九]))?");

    private ChineseNumber() {
    }

    static OptionalInt parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 8) {
            return OptionalInt.empty();
        }
        var m = SHAPE.matcher(text);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        boolean hundreds = text.contains("百");
        int value = 0;
        if (hundreds) {
            value += 100 * (m.group(1) == null ? 1 : digit(m.group(1).charAt(0)));
        }
        if (m.group(4) != null) {
            value += 10 * (m.group(3) == null ? 1 : digit(m.group(3).charAt(0)));
        }
        if (m.group(6) != null) {
            value += digit(m.group(6).charAt(0));
        }
        return OptionalInt.of(value);
    }

    private static int digit(char c) {
        return switch (c) {
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> 0;
        };
    }
}
