package io.duban.command.api.dispatch;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids of quarterly dispatch rounds (按季度调度): {@code yyyy-Qn}, e.g. {@code 2026-Q4} for October–December 2026.
 * Dates are business dates (the application clock's zone).
 */
public final class DispatchRoundId {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    private DispatchRoundId() {
    }

    /** The round of the quarter containing {@code date}. */
    public static String of(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    public static boolean isValid(String roundId) {
        return roundId != null && FORMAT.matcher(roundId).matches();
    }

    /** The first day of the round's quarter. */
    public static LocalDate quarterStart(String roundId) {
        Matcher m = FORMAT.matcher(roundId == null ? "" : roundId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a round id (yyyy-Qn): " + roundId);
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
    }

    /** The last day of the round's quarter. */
    public static LocalDate quarterEnd(String roundId) {
        return YearMonth.from(quarterStart(roundId).plusMonths(2)).atEndOfMonth();
    }

    /** The round of the quarter before. */
    public static String previous(String roundId) {
        return of(quarterStart(roundId).minusDays(1));
    }
}
