package io.duban.harness.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bench command line and the PASS/MISS column; no application is started and nothing is timed. */
class BenchOptionsTest {

    @Test
    void defaults_run_on_the_embedded_database_only() {
        BenchOptions options = BenchOptions.parse(new String[0], null);
        assertThat(options.commitments()).isEqualTo(1000);
        assertThat(options.out()).isEqualTo("bench.json");
        assertThat(options.targets()).containsExactly(BenchTarget.embedded());
        assertThat(options.lagRate()).isEqualTo(500);
        assertThat(options.lagSeconds()).isEqualTo(30);
        assertThat(options.idleSeconds()).isEqualTo(60);
        assertThat(options.quick()).isFalse();
    }

    @Test
    void quick_runs_the_whole_table_at_a_tenth_of_the_scale_and_what_is_given_with_it_still_applies() {
        // given / when
        BenchOptions quick = BenchOptions.parse(new String[]{"--quick"}, null);
        BenchOptions tuned = BenchOptions.parse(new String[]{"--console-commitments=0", "--quick", "--idle-seconds=5"},
                null);

        // then every phase runs, smaller
        assertThat(quick.quick()).isTrue();
        assertThat(quick.commitments()).isEqualTo(100);
        assertThat(quick.overdueSizes()).containsExactly(10_000);
        assertThat(quick.consoleCommitments()).isEqualTo(1_000);
        assertThat(quick.scaleEvents()).isEqualTo(100_000);
        assertThat(quick.lagRate()).as("the rate is the target's condition, not a scale").isEqualTo(500);
        assertThat(quick.lagSeconds()).isPositive();
        assertThat(quick.idleSeconds()).isPositive();
        assertThat(quick.asMap()).containsEntry("quick", true);
        // and an option given with it, before or after, wins
        assertThat(tuned.consoleCommitments()).isZero();
        assertThat(tuned.idleSeconds()).isEqualTo(5);
        assertThat(tuned.scaleEvents()).isEqualTo(100_000);
    }

    @Test
    void the_idle_phase_takes_a_duration_and_zero_turns_it_off() {
        assertThat(BenchOptions.parse(new String[]{"--idle-seconds=0"}, null).idleSeconds()).isZero();
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--idle-seconds=-1"}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_projection_lag_phase_takes_a_rate_and_a_duration_and_zero_seconds_turns_it_off() {
        // given / when
        BenchOptions options = BenchOptions.parse(new String[]{"--lag-rate=50", "--lag-seconds=10"}, null);
        BenchOptions off = BenchOptions.parse(new String[]{"--lag-seconds=0"}, null);

        // then
        assertThat(options.lagRate()).isEqualTo(50);
        assertThat(options.lagSeconds()).isEqualTo(10);
        assertThat(options.asMap()).containsEntry("lagRate", 50).containsEntry("lagSeconds", 10);
        assertThat(off.lagSeconds()).isZero();
    }

    @Test
    void a_negative_or_zero_lag_rate_or_a_negative_duration_is_refused() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--lag-rate=-200"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--lag-rate=0"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--lag-seconds=-1"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--lag-rate=fast"}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_console_phase_seeds_ten_thousand_commitments_unless_told_otherwise_and_zero_skips_it() {
        assertThat(BenchOptions.parse(new String[0], null).consoleCommitments()).isEqualTo(10_000);
        assertThat(BenchOptions.parse(new String[0], null).consoleRequests()).isEqualTo(50);
        BenchOptions options = BenchOptions.parse(new String[]{"--console-commitments=0", "--console-requests=7"}, null);
        assertThat(options.consoleCommitments()).isZero();
        assertThat(options.consoleRequests()).isEqualTo(7);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--console-commitments=-1"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--console-requests=0"}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_postgres_url_from_the_environment_or_the_command_line_adds_a_run() {
        BenchOptions fromEnv = BenchOptions.parse(new String[]{"--events=50"}, "jdbc:postgresql://db/duban");
        assertThat(fromEnv.commitments()).isEqualTo(50);
        assertThat(fromEnv.targets()).extracting(BenchTarget::label).containsExactly("embedded-h2", "postgresql");

        BenchOptions only = BenchOptions.parse(new String[]{"--db-url=jdbc:postgresql://x/y", "--no-embedded",
                "--out=x.json"}, null);
        assertThat(only.targets()).containsExactly(BenchTarget.postgres("jdbc:postgresql://x/y"));
        assertThat(only.out()).isEqualTo("x.json");
    }

    @Test
    void bad_arguments_are_refused() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--events=0"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--db-url=jdbc:h2:mem:x"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--no-embedded"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--what"}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_overdue_check_sizes_default_to_10k_up_to_100k_and_can_be_chosen_or_skipped() {
        assertThat(BenchOptions.parse(new String[0], null).overdueSizes()).containsExactly(10_000, 25_000, 50_000,
                100_000);
        assertThat(BenchOptions.parse(new String[]{"--overdue-sizes=100,1000"}, null).overdueSizes())
                .containsExactly(100, 1000);
        assertThat(BenchOptions.parse(new String[]{"--overdue-sizes=0"}, null).overdueSizes()).isEmpty();
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--overdue-sizes=1000,100"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--overdue-sizes=-5"}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse(new String[]{"--overdue-sizes=ten"}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targets_are_reported_as_pass_or_miss_never_asserted() {
        BenchResult result = new BenchResult("t");
        result.figure("ratio", 0.7, "×", ">=", 0.5);
        result.figure("p99", 80, "ms", "<", 50);
        result.figure("rss", Double.NaN, "MiB");
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Map<String, Object>>) result.asMap().get("figures");
        assertThat(rows.get(0).get("verdict")).isEqualTo("PASS");
        assertThat(rows.get(1).get("verdict")).isEqualTo("MISS");
        assertThat(rows.get(2)).doesNotContainKey("verdict").containsEntry("value", null);
    }
}
