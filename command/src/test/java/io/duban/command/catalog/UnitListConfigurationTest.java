package io.duban.command.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The office extends the bundled unit list with a file of its own (duban.catalog.units.extra-location). */
class UnitListConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CatalogConfiguration.class);

    @TempDir
    Path dir;

    @Test
    void the_bundled_list_alone_by_default() {
        runner.run(context -> assertThat(context.getBean(KnownUnits.class).find("数据局")).isEmpty());
    }

    @Test
    void the_offices_file_adds_bodies_and_aliases_that_the_parser_then_knows() throws Exception {
        // given
        Path file = dir.resolve("units-extra.csv");
        Files.writeString(file, """
                # 办公室补充
                canonical,kind,aliases
                自治区低空经济发展中心,直属事业单位,自治区低空办
                自治区发展改革委,组成部门,自治区发改委员会
                """);

        runner.withPropertyValues("duban.catalog.units.extra-location=" + file.toUri()).run(context -> {
            // when
            UnitNameNormalizer names = new UnitNameNormalizer(context.getBean(KnownUnits.class));

            // then
            assertThat(names.units("自治区财政厅、低空办")).extracting(UnitName::canonicalName, UnitName::known)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("自治区财政厅", true),
                            org.assertj.core.groups.Tuple.tuple("自治区低空经济发展中心", true));
            assertThat(names.canonicalNames("自治区发改委员会")).containsExactly("自治区发展改革委");
            assertThat(context.getBean(PolicyDocumentParser.class)
                    .read(TestDocuments.text("nmg-2024-12.txt"), java.util.List.of()).warnings()).isEmpty();
        });
    }

    @Test
    void a_file_that_gives_one_spelling_to_two_bodies_stops_start_up_naming_the_line() throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "canonical,kind,aliases\n自治区新设局,直属机构,自治区财政厅\n自治区某局,未知类别,\n");

        runner.withPropertyValues("duban.catalog.units.extra-location=" + file.toUri()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(UnitListFileException.class)
                    .hasMessageContaining("broken.csv").hasMessageContaining("line 2")
                    .hasMessageContaining("already names 自治区财政厅").hasMessageContaining("unknown kind '未知类别'");
        });
    }

    @Test
    void a_missing_file_stops_start_up() {
        runner.withPropertyValues("duban.catalog.units.extra-location=file:" + dir.resolve("absent.csv"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("Unit list not found");
                });
    }
}
