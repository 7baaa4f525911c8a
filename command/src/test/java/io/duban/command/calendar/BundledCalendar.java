package io.duban.command.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The calendar file shipped in the jar, read once for the tests. */
final class BundledCalendar {

    static final String RESOURCE = "/calendar/cn-working-calendar.csv";
    static final CsvWorkingCalendar CALENDAR = read();

    private BundledCalendar() {
    }

    private static CsvWorkingCalendar read() {
        try (InputStream in = BundledCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return CsvWorkingCalendar.read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
