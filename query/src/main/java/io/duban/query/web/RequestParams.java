package io.duban.query.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses request parameters by hand so that a bad value gets a Chinese 400 problem detail instead of Spring's
 * English type-mismatch message.
 */
public final class RequestParams {

    private RequestParams() {
    }

    /** A positive row number such as an item's 序号; null stays null. */
    public static Integer itemNumber(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new BadRequestException("参数 " + name + " 应为正整数，收到：" + value);
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
            throw new BadRequestException("参数 " + name + " 只能是 " + allowed + " 之一，收到：" + value);
        }
    }

    /** {@code true} or {@code false} in any case; blank or missing gives {@code defaultValue}. */
    public static boolean booleanValue(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException("参数 " + name + " 只能是 true 或 false，收到：" + value);
        };
    }

    /** Blank means "not given". */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
