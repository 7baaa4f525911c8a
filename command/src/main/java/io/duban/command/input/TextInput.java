package io.duban.command.input;

import io.duban.command.api.CommandRefusedException;

/**
 * Limits on free text typed by people: required or optional, never longer than the field allows, and only characters
 * that read the same to everyone who sees them later (the text is stored forever and shown to inspectors): no control
 * characters but line breaks and tabs, no halves of surrogate pairs (not text at all: they cannot even be written as
 * UTF-8), and no bidirectional embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069), which make a
 * text display in another order than it is stored ("Trojan Source").
 */
public final class TextInput {

    private TextInput() {
    }

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw CommandRefusedException.invalid("input.required", "请填写" + field + "。");
        }
        return optional(value, field, maxLength);
    }

    public static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw CommandRefusedException.invalid("input.too-long", field + "不能超过 " + maxLength + " 个字。");
        }
        if (hasLoneSurrogate(trimmed)) {
            throw CommandRefusedException.invalid("input.invalid-unicode", field + "含有无效的字符（不成对的代理码元）。");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw CommandRefusedException.invalid("input.control-characters", field + "含有不可见的控制字符。");
        }
        if (trimmed.codePoints().anyMatch(TextInput::isBidiControl)) {
            throw CommandRefusedException.invalid("input.bidi-controls", field + "含有改变文字显示方向的控制字符。");
        }
        return trimmed;
    }

    /** Embedding, override and isolate controls; the marks U+200E/U+200F and Arabic or Hebrew letters are fine. */
    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
