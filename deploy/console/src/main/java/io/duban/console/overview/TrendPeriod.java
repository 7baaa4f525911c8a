package io.duban.console.overview;

import io.duban.query.api.overdue.FindOverdueHistory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The period of the overdue trend as asked in the page's form ({@code from}, {@code to}; default the last
 * {@value #DEFAULT_DAYS} days), with a Chinese message per field it cannot use. The texts are what the form shows
 * again: what was typed, or the default.
 */
public record TrendPeriod(LocalDate from, LocalDate to, String fromText, String toText, Map<String, String> errors) {

    static final int DEFAULT_DAYS = 90;

    public TrendPeriod {
        errors = Map.copyOf(errors);
    }

    static TrendPeriod parse(String from, String to, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate end = parse(to, today, "to", errors);
        LocalDate start = parse(from, end.minusDays(DEFAULT_DAYS - 1L), "from", errors);
        if (!errors.containsKey("from") && start.isAfter(today)) {
            errors.put("from", "起始日期不能晚于今天。");
        }
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.put("to", "截止日期不能早于起始日期。");
        }
        if (errors.isEmpty() && ChronoUnit.DAYS.between(start, end) + 1 > FindOverdueHistory.MAX_DAYS) {
            errors.put("from", "起止日期最多相隔三年。");
        }
        return new TrendPeriod(start, end, text(from, start), text(to, end), errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    private static LocalDate parse(String text, LocalDate fallback, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            // a date input cannot show what it cannot read: the message repeats it
            errors.put(field, "无法识别的日期「" + text.strip() + "」，格式应为 年-月-日，例如 2026-01-01。");
            return fallback;
        }
    }

    private static String text(String typed, LocalDate used) {
        return typed == null || typed.isBlank() ? used.toString() : typed.strip();
    }
}
