package io.duban.query.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * How the views store time, chosen so that a document is the same whatever the JVM's or the server's zone:
 * <ul>
 *   <li>{@link LocalDate} (due dates, start dates) as an ISO-8601 string {@code yyyy-MM-dd}: calendar dates have no
 *       instant, and the string sorts in date order;</li>
 *   <li>{@link Instant} (event timestamps) as a BSON date, i.e. UTC milliseconds. Anything finer than a millisecond
 *       is dropped, identically on every replay.</li>
 * </ul>
 * The conversions are explicit instead of relying on Spring Data's or the driver's java.time codecs, whose defaults
 * differ (Spring Data converts LocalDate through the JVM's default zone).
 */
public final class StoredTime {

    private StoredTime() {
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(Object stored) {
        return stored == null ? null : LocalDate.parse((String) stored);
    }

    public static Date instant(Instant instant) {
        return instant == null ? null : new Date(instant.toEpochMilli());
    }

    public static Instant instant(Object stored) {
        return stored == null ? null : ((Date) stored).toInstant();
    }
}
