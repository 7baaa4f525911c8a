package io.duban.harness.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DrillOptionsTest {

    private static DrillOptions parse(String... args) {
        return DrillOptions.parse(List.of(args), Set.of("db", "commands", "outage", "keep-going"));
    }

    @Test
    void readsValuesFlagsAndDefaults() {
        DrillOptions options = parse("--db=h2", "--commands=250", "--outage=20s", "--keep", "--xmx=1g");

        assertThat(options.choice("db", "postgres", Set.of("h2", "postgres"))).isEqualTo("h2");
        assertThat(options.positive("commands", 1000)).isEqualTo(250);
        assertThat(options.duration("outage", Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.flag("keep")).isTrue();
        assertThat(options.flag("keep-going")).isFalse();
        assertThat(options.xmx()).isEqualTo("1g");
        assertThat(parse().positive("commands", 1000)).isEqualTo(1000);
        assertThat(parse().xmx()).isEqualTo("512m");
    }

    @Test
    void durationsTakeSecondsMillisecondsAndMinutes() {
        assertThat(parse("--outage=15").duration("outage", null)).isEqualTo(Duration.ofSeconds(15));
        assertThat(parse("--outage=500ms").duration("outage", null)).isEqualTo(Duration.ofMillis(500));
        assertThat(parse("--outage=2m").duration("outage", null)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> parse("--dbb=h2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --dbb");
        assertThatThrownBy(() -> parse("kill9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> parse("--db=h2", "--db=postgres")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> parse("--commands=0").positive("commands", 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> parse("--commands=many").positive("commands", 1)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("--outage=soon").duration("outage", null)).hasMessageContaining("duration");
        assertThatThrownBy(() -> parse("--db=mysql").choice("db", "h2", Set.of("h2", "postgres")))
                .hasMessageContaining("one of");
        assertThatThrownBy(() -> parse("--xmx=lots").xmx()).hasMessageContaining("512m");
        assertThatThrownBy(() -> parse("--keep=yes").flag("keep")).hasMessageContaining("takes no value");
    }

    @Test
    void thePostgresUrlComesFromTheOptionThenTheEnvironmentThenTheLocalDefault() {
        assertThat(parse().postgresUrl(null)).isEqualTo(DrillOptions.DEFAULT_PG_URL);
        assertThat(parse().postgresUrl("jdbc:postgresql://db/x")).isEqualTo("jdbc:postgresql://db/x");
        assertThat(parse("--pg-url=jdbc:postgresql://other/y").postgresUrl("jdbc:postgresql://db/x"))
                .isEqualTo("jdbc:postgresql://other/y");
        assertThatThrownBy(() -> parse("--pg-url=jdbc:h2:mem:x").postgresUrl(null))
                .hasMessageContaining("jdbc:postgresql:");
    }
}
