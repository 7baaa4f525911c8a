package io.duban.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A broken calendar file is refused as a whole, naming the file and every bad line. */
class CsvWorkingCalendarFileValidationTest {

    private static final String YEAR_2030 = """
            # a year of test data
            2030,COVERED,国务院办公厅关于2030年部分节假日安排的通知
            2030-01-01,HOLIDAY,元旦
            2030-02-02,WORKDAY,春节调休
            """;

    private static CsvWorkingCalendar read(String text) {
        return CsvWorkingCalendar.read(new StringReader(text), "test.csv");
    }

    private static CalendarFileException refused(String text) {
        return assertThatExceptionOfType(CalendarFileException.class).isThrownBy(() -> read(text)).actual();
    }

    @Test
    void aValidFileIsRead() {
        CsvWorkingCalendar calendar = read(YEAR_2030);
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse(); // Tuesday
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 2, 2))).isTrue();  // Saturday
    }

    @Test
    void aWorkdayOnATuesdayIsRefused() {
        CalendarFileException e = refused(YEAR_2030 + "2030-01-08,WORKDAY,春节调休\n");
        assertThat(e.problems()).singleElement().asString()
                .contains("line 5").contains("2030-01-08").contains("Saturday or Sunday").contains("TUESDAY");
        assertThat(e).hasMessageContaining("test.csv");
    }

    @Test
    void aBadDateIsRefused() {
        assertThat(refused(YEAR_2030 + "2030-02-30,HOLIDAY,春节\n").problems()).singleElement().asString()
                .contains("line 5").contains("'2030-02-30' is not a date");
        assertThat(refused(YEAR_2030 + "30/01/2030,HOLIDAY,春节\n").problems()).singleElement().asString()
                .contains("is not a date");
    }

    @Test
    void aDuplicateDateIsRefusedWhateverItsKind() {
        assertThat(refused(YEAR_2030 + "2030-01-01,HOLIDAY,元旦\n").problems()).singleElement().asString()
                .contains("line 5").contains("already listed on line 3");
        assertThat(refused(YEAR_2030 + "2030-02-02,HOLIDAY,春节\n").problems()).singleElement().asString()
                .contains("already listed on line 4");
    }

    @Test
    void aDuplicateYearIsRefused() {
        assertThat(refused(YEAR_2030 + "2030,COVERED,again\n").problems()).singleElement().asString()
                .contains("year 2030 is already declared on line 2");
    }

    @Test
    void aDateOutsideTheCoveredYearsIsRefused() {
        assertThat(refused(YEAR_2030 + "2031-01-01,HOLIDAY,元旦\n").problems()).singleElement().asString()
                .contains("line 5").contains("outside the covered years").contains("2031,COVERED");
    }

    @Test
    void coveredYearsMustBeConsecutive() {
        assertThat(refused(YEAR_2030 + "2032,COVERED,x\n").problems()).singleElement().asString()
                .contains("consecutive").contains("2031 missing before 2032");
    }

    @Test
    void aFileWithoutACoveredYearIsRefused() {
        assertThat(refused("# nothing\n").problems()).singleElement().asString().contains("no covered year");
    }

    @Test
    void unknownKindsMissingFieldsAndNamesAreRefused() {
        CalendarFileException e = refused(YEAR_2030 + """
                2030-01-02,DAYOFF,元旦
                2030-01-03,HOLIDAY
                2030-01-04,HOLIDAY,
                """);
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).contains("unknown kind 'DAYOFF'");
        assertThat(e.problems().get(1)).contains("three comma-separated fields");
        assertThat(e.problems().get(2)).contains("name is missing");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        CalendarFileException e = refused(YEAR_2030 + """
                2030-01-08,WORKDAY,x
                2030-13-01,HOLIDAY,x
                2030-01-01,HOLIDAY,元旦
                """);
        assertThat(e.problems()).hasSize(3);
        assertThat(e).hasMessageContaining("3 problems").hasMessageContaining("line 5").hasMessageContaining("line 6")
                .hasMessageContaining("line 7");
    }

    @Test
    void aByteOrderMarkAndSpacesAreTolerated() {
        CsvWorkingCalendar calendar = read("\uFEFF2030,COVERED,x\n 2030-01-01 , HOLIDAY , 元旦 \n");
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
    }
}
