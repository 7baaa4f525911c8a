package io.duban.command.commitment;

import io.duban.command.api.CommandRefusedException;

import java.time.LocalDate;

/**
 * Dates people type for a commitment must lie in this century. The JSON and chat parsers accept any ISO date up to
 * year ±999,999,999, and a deadline that far away is never meant: it is a typo or an attack, and the scheduler and the
 * working-day calendar would have to cope with it forever.
 */
final class DateInput {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private DateInput() {
    }

    static LocalDate plausible(LocalDate date, String field) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw CommandRefusedException.invalid("date.out-of-range",
                    field + " " + date + " 不在 " + EARLIEST + " 至 " + LATEST + " 之间。");
        }
        return date;
    }
}
