package io.duban.query.asof;

import io.duban.query.web.BadRequestException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Reads the {@code at} parameter of the as-of API: a date {@code 2024-03-31} means the end of that day in the business
 * zone (the last nanosecond before the next day starts), an ISO instant {@code 2024-03-31T08:00:00Z} or an offset
 * date-time {@code 2024-03-31T16:00+08:00} means that instant, and a local date-time {@code 2024-03-31T16:00} is read
 * in the business zone.
 */
public final class AsOfInstant {

    private AsOfInstant() {
    }

    public static Instant parse(String at, ZoneId zone) {
        if (at == null || at.isBlank()) {
            throw new BadRequestException("缺少参数 at：日期（如 2024-03-31，指当日结束时）或时刻（如 2024-03-31T08:00:00Z）");
        }
        String text = at.trim();
        try {
            if (text.length() == 10) {
                return endOfDay(LocalDate.parse(text), zone);
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase());
            }
            if (text.matches(".*[+-]\\d{2}:?\\d{2}$") && text.indexOf('T') > 0) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new BadRequestException("参数 at 无法识别：" + text
                    + "；应为日期（如 2024-03-31，指当日结束时）或 ISO 时刻（如 2024-03-31T08:00:00Z）");
        }
    }

    /** The last instant of {@code day} in {@code zone}. */
    public static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }
}
