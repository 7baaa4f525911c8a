package io.duban.console.audit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Errors of a form, by field name, shown next to the field (Chinese). */
final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    void add(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    boolean any() {
        return !errors.isEmpty();
    }

    Map<String, String> asMap() {
        return errors;
    }

    /** Blank = null. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A date field (yyyy-MM-dd, as the date picker sends it); blank = null; bad = an error and null. */
    LocalDate date(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            add(field, "日期格式应为 2024-03-31，收到：" + text);
            return null;
        }
    }
}
