package io.duban.harness;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The harness sees everything (the product's classes, the fake, itself), so the rules that keep the harness out of
 * the product live here: the product never depends on the harness or the fake, the fake on no Duban module, and the
 * harness has no package cycle.
 */
@AnalyzeClasses(packages = "io.duban", importOptions = {ImportOption.DoNotIncludeTests.class,
        HarnessArchitectureTest.DoNotIncludeTestJars.class})
class HarnessArchitectureTest {

    private static final String[] PRODUCT = {"io.duban.command..", "io.duban.query..", "io.duban.bot..",
            "io.duban.deploy.."};

    /** deploy's test helpers come as its test jar once it is packaged: test code, not the product. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule the_product_knows_neither_the_harness_nor_the_fake = noClasses()
            .that().resideInAnyPackage(PRODUCT)
            .should().dependOnClassesThat().resideInAnyPackage("io.duban.harness..", "io.duban.dingtalk..");

    @ArchTest
    static final ArchRule the_fake_depends_on_no_duban_module = noClasses()
            .that().resideInAPackage("io.duban.dingtalk..")
            .should().dependOnClassesThat().resideInAnyPackage(PRODUCT)
            .orShould().dependOnClassesThat().resideInAPackage("io.duban.harness..");

    @ArchTest
    static final ArchRule no_package_cycles_in_the_harness = slices()
            .matching("io.duban.harness.(**)").should().beFreeOfCycles();

    /** The command line sits on top: nothing it starts depends back on it. */
    @ArchTest
    static final ArchRule nothing_depends_on_the_command_line = noClasses()
            .that().resideInAPackage("io.duban.harness..").and().resideOutsideOfPackage("io.duban.harness")
            .should().dependOnClassesThat().resideInAPackage("io.duban.harness");
}
