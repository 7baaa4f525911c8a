package io.duban.console;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The console is an edge adapter, like the bot: it sends commands of {@code io.duban.command.api} and asks queries
 * of the read side, and knows neither side's internals (aggregates, accounts, readers, views, controllers).
 */
@AnalyzeClasses(packages = "io.duban", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_console_uses_only_the_command_and_query_apis = noClasses()
            .that().resideInAPackage("io.duban.console..")
            .should().dependOnClassesThat(describe("command classes outside io.duban.command.api",
                    (JavaClass c) -> c.getPackageName().startsWith("io.duban.command")
                            && !c.getPackageName().startsWith("io.duban.command.api")))
            .orShould().dependOnClassesThat(describe("query classes outside io.duban.query.api",
                    (JavaClass c) -> c.getPackageName().startsWith("io.duban.query")
                            && !c.getPackageName().startsWith("io.duban.query.api")))
            .orShould().dependOnClassesThat().resideInAnyPackage("io.duban.bot..", "io.duban.deploy..");

    @ArchTest
    static final ArchRule nothing_of_the_product_depends_on_the_console = noClasses()
            .that().resideInAnyPackage("io.duban.command..", "io.duban.query..", "io.duban.bot..")
            .should().dependOnClassesThat().resideInAPackage("io.duban.console..");
}
