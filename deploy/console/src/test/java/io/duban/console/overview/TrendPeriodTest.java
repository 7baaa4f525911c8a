package io.duban.console.overview;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The overdue trend's period as typed in 总览's form: defaults, and a message next to the field it cannot use. */
class TrendPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void nothing_typed_means_the_last_ninety_days() {
        TrendPeriod period = TrendPeriod.parse(null, " ", TODAY);

        assertThat(period.valid()).isTrue();
        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 9, 4));
        assertThat(period.to()).isEqualTo(TODAY);
        assertThat(period.fromText()).isEqualTo("2026-09-04");
    }

    @Test
    void only_an_end_typed_counts_ninety_days_back_from_it() {
        TrendPeriod period = TrendPeriod.parse("", "2026-06-30", TODAY);

        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void an_unreadable_date_is_refused_next_to_its_field_and_shown_again() {
        TrendPeriod period = TrendPeriod.parse("2026-09-01", "下周", TODAY);

        assertThat(period.errors()).containsOnlyKeys("to").containsEntry("to", "无法识别的日期「下周」，格式应为 年-月-日，例如 2026-01-01。");
        assertThat(period.toText()).isEqualTo("下周");
    }

    @Test
    void an_end_before_the_start_is_refused_at_the_end() {
        assertThat(TrendPeriod.parse("2026-09-01", "2026-08-01", TODAY).errors())
                .containsOnlyKeys("to").containsEntry("to", "截止日期不能早于起始日期。");
    }

    @Test
    void a_start_after_today_or_more_than_three_years_back_is_refused_at_the_start() {
        assertThat(TrendPeriod.parse("2026-12-03", "2026-12-31", TODAY).errors())
                .containsEntry("from", "起始日期不能晚于今天。");
        assertThat(TrendPeriod.parse("2023-01-01", "2026-12-01", TODAY).errors())
                .containsEntry("from", "起止日期最多相隔三年。");
        assertThat(TrendPeriod.parse("2023-12-02", "2026-12-02", TODAY).valid()).as("three years and a day").isTrue();
    }
}
