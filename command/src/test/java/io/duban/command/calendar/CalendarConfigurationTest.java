package io.duban.command.calendar;

import io.duban.command.api.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalendarConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CalendarConfiguration.class);

    @TempDir
    Path dir;

    @Test
    void theBundledCalendarByDefault() {
        runner.run(context -> {
            WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
            assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        });
    }

    @Test
    void anOperatorCanPointToAnUpdatedFile() throws Exception {
        Path file = dir.resolve("cn-working-calendar.csv");
        Files.writeString(file, Files.readString(Path.of(getClass().getResource(BundledCalendar.RESOURCE).toURI()))
                + "\n2027,COVERED,test year\n2027-01-01,HOLIDAY,元旦\n");
        runner.withPropertyValues("duban.calendar.location=" + file.toUri()).run(context -> {
            WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
            assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        });
    }

    @Test
    void aBrokenFileStopsStartUp() throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "2027,COVERED,x\n2027-01-05,WORKDAY,x\n");
        runner.withPropertyValues("duban.calendar.location=" + file.toUri()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(CalendarFileException.class)
                    .hasMessageContaining("broken.csv").hasMessageContaining("Saturday or Sunday");
        });
    }

    @Test
    void aMissingFileStopsStartUp() {
        runner.withPropertyValues("duban.calendar.location=file:" + dir.resolve("absent.csv")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("Working calendar not found")
                    .hasStackTraceContaining("absent.csv");
        });
    }
}
