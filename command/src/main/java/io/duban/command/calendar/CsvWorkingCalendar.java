package io.duban.command.calendar;

import io.duban.command.api.calendar.WorkingCalendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link WorkingCalendar} read from a UTF-8 data file of the State Council's holiday notices (format in
 * {@code calendar/README.md}): a set of consecutive covered years, and in them every statutory holiday day
 * ({@code HOLIDAY}) and every weekend day made a working day ({@code WORKDAY}, 调休). Outside the covered years only
 * weekends are known: Monday to Friday count as working days, and {@link #coveredUntil()} says where that begins.
 * <p>
 * The file is validated as a whole when read; any problem throws a {@link CalendarFileException} listing every bad
 * line, so a broken file stops start-up instead of silently moving deadlines.
 * <p>
 * Counting is O(log n) whatever the distance: every date has a working-day ordinal (Mondays to Fridays counted by
 * arithmetic outside the covered years, a precomputed running count inside), and adding working days is looking up
 * the date of an ordinal.
 */
public final class CsvWorkingCalendar implements WorkingCalendar {

    public enum Kind { COVERED, HOLIDAY, WORKDAY }

    /** One exceptional date of the file. */
    public record Entry(LocalDate date, Kind kind, String name) {
    }

    private final String source;
    private final int firstYear;
    private final int lastYear;
    private final Map<LocalDate, Entry> entries;

    private final long startDay;        // epoch day of 1 January of the first covered year
    private final long endDay;          // epoch day of 31 December of the last covered year
    private final int[] workingUpTo;    // workingUpTo[i]: working days in [start, start + i]
    private final long[] workingDays;   // epoch days of the working days in [start, end], ascending
    private final long ordinalBefore;   // ordinal of the day before start (Mondays to Fridays)
    private final long shiftAfter;      // ordinal(d) - weekdayOrdinal(d) for any d after end

    private CsvWorkingCalendar(String source, int firstYear, int lastYear, Map<LocalDate, Entry> entries) {
        this.source = source;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.entries = entries;
        this.startDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        this.endDay = LocalDate.of(lastYear, 12, 31).toEpochDay();
        int length = Math.toIntExact(endDay - startDay + 1);
        this.workingUpTo = new int[length];
        long[] days = new long[length];
        int count = 0;
        for (int i = 0; i < length; i++) {
            LocalDate date = LocalDate.ofEpochDay(startDay + i);
            Entry entry = entries.get(date);
            boolean working = entry == null ? !isWeekend(date) : entry.kind() == Kind.WORKDAY;
            if (working) {
                days[count++] = startDay + i;
            }
            workingUpTo[i] = count;
        }
        this.workingDays = Arrays.copyOf(days, count);
        this.ordinalBefore = weekdayOrdinal(startDay - 1);
        this.shiftAfter = ordinalBefore + count - weekdayOrdinal(endDay);
    }

    /** Reads and validates a calendar file; {@code source} names it in messages (a path or resource location). */
    public static CsvWorkingCalendar read(InputStream in, String source) {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    public static CsvWorkingCalendar read(Reader reader, String source) {
        List<String> problems = new ArrayList<>();
        TreeMap<Integer, Integer> yearLines = new TreeMap<>();
        Map<LocalDate, Entry> entries = new TreeMap<>();
        Map<LocalDate, Integer> entryLines = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String where = "line " + number + " '" + text + "'";
                String[] fields = text.split(",", 3);
                if (fields.length != 3) {
                    problems.add(where + ": expected three comma-separated fields <date or year>,<kind>,<name>");
                    continue;
                }
                String key = fields[0].strip();
                String name = fields[2].strip();
                Kind kind;
                try {
                    kind = Kind.valueOf(fields[1].strip());
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": unknown kind '" + fields[1].strip() + "' (COVERED, HOLIDAY or WORKDAY)");
                    continue;
                }
                if (kind == Kind.COVERED) {
                    if (!key.matches("\\d{4}")) {
                        problems.add(where + ": a COVERED line starts with a year (yyyy), not '" + key + "'");
                    } else {
                        Integer previous = yearLines.putIfAbsent(Integer.parseInt(key), number);
                        if (previous != null) {
                            problems.add(where + ": year " + key + " is already declared on line " + previous);
                        }
                    }
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(key);
                } catch (DateTimeParseException e) {
                    problems.add(where + ": '" + key + "' is not a date (yyyy-mm-dd)");
                    continue;
                }
                if (name.isEmpty()) {
                    problems.add(where + ": the holiday's name is missing");
                }
                if (kind == Kind.WORKDAY && !isWeekend(date)) {
                    problems.add(where + ": a WORKDAY (调休上班) must be a Saturday or Sunday, " + date + " is a "
                            + date.getDayOfWeek());
                }
                Integer previous = entryLines.putIfAbsent(date, number);
                if (previous != null) {
                    problems.add(where + ": " + date + " is already listed on line " + previous);
                    continue;
                }
                entries.put(date, new Entry(date, kind, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read working calendar " + source, e);
        }

        if (yearLines.isEmpty()) {
            problems.add("no covered year: declare each year with a line <yyyy>,COVERED,<notice>");
        } else {
            int expected = yearLines.firstKey();
            for (int year : yearLines.keySet()) {
                if (year != expected) {
                    problems.add("covered years must be consecutive: " + expected
                            + (year - 1 > expected ? "–" + (year - 1) : "") + " missing before " + year);
                }
                expected = year + 1;
            }
            entries.forEach((date, entry) -> {
                if (!yearLines.containsKey(date.getYear())) {
                    problems.add("line " + entryLines.get(date) + ": " + date + " " + entry.kind()
                            + " is outside the covered years " + yearLines.keySet()
                            + " (add a line " + date.getYear() + ",COVERED,<notice>)");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new CalendarFileException(source, problems);
        }
        int first = yearLines.firstKey();
        int last = yearLines.lastKey();
        return new CsvWorkingCalendar(source, first, last, Map.copyOf(entries));
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        long day = date.toEpochDay();
        if (day < startDay || day > endDay) {
            return !isWeekend(date);
        }
        int i = (int) (day - startDay);
        return workingUpTo[i] - (i == 0 ? 0 : workingUpTo[i - 1]) == 1;
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        requirePositive(days);
        return dayOfOrdinal(ordinal(date.toEpochDay()) + days);
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate date, int days) {
        requirePositive(days);
        return dayOfOrdinal(ordinal(date.toEpochDay() - 1) - days + 1);
    }

    @Override
    public LocalDate coveredUntil() {
        return LocalDate.ofEpochDay(endDay);
    }

    /** The first day the holiday data covers; before it only weekends are known. */
    public LocalDate coveredFrom() {
        return LocalDate.ofEpochDay(startDay);
    }

    /** The file's line for {@code date}, if it is a holiday day or an adjusted working day. */
    public Optional<Entry> entry(LocalDate date) {
        return Optional.ofNullable(entries.get(date));
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        long holidays = entries.values().stream().filter(e -> e.kind() == Kind.HOLIDAY).count();
        return "working calendar " + source + ": years " + firstYear + "–" + lastYear + ", " + holidays
                + " holiday days, " + (entries.size() - holidays) + " adjusted working days (调休), covered until "
                + coveredUntil();
    }

    // Ordinals: the number of working days up to and including a day, counted from an arbitrary origin.

    private long ordinal(long day) {
        if (day < startDay) {
            return weekdayOrdinal(day);
        }
        if (day <= endDay) {
            return ordinalBefore + workingUpTo[(int) (day - startDay)];
        }
        return weekdayOrdinal(day) + shiftAfter;
    }

    /** The working day whose ordinal is {@code ordinal}. */
    private LocalDate dayOfOrdinal(long ordinal) {
        if (ordinal <= ordinalBefore) {
            return LocalDate.ofEpochDay(weekdayOfOrdinal(ordinal));
        }
        if (ordinal <= ordinalBefore + workingDays.length) {
            return LocalDate.ofEpochDay(workingDays[(int) (ordinal - ordinalBefore - 1)]);
        }
        return LocalDate.ofEpochDay(weekdayOfOrdinal(ordinal - shiftAfter));
    }

    /** Mondays to Fridays up to and including {@code epochDay}, counted from Monday 1969-12-29 (ordinal 1). */
    static long weekdayOrdinal(long epochDay) {
        long sinceMonday = epochDay + 3; // 1970-01-01 was a Thursday
        return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7) + 1, 5);
    }

    /** The Monday-to-Friday day whose {@link #weekdayOrdinal} is {@code ordinal}. */
    static long weekdayOfOrdinal(long ordinal) {
        long index = ordinal - 1;
        return Math.floorDiv(index, 5) * 7 + Math.floorMod(index, 5) - 3;
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static void requirePositive(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("working days must be at least 1, was " + days);
        }
    }
}
