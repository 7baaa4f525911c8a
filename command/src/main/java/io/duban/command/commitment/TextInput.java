package io.duban.command.commitment;

import io.duban.command.api.CommandRefusedException;

/** Limits on free text typed by people: required or optional, and never longer than the field allows. */
final class TextInput {

    private TextInput() {
    }

    static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw CommandRefusedException.invalid("input.required", "请填写" + field + "。");
        }
        return optional(value, field, maxLength);
    }

    static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw CommandRefusedException.invalid("input.too-long", field + "不能超过 " + maxLength + " 个字。");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw CommandRefusedException.invalid("input.control-characters", field + "含有不可见的控制字符。");
        }
        return trimmed;
    }
}
