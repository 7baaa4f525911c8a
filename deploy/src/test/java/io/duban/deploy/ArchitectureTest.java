package io.duban.deploy;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the module boundaries the product is designed around. */
@AnalyzeClasses(packages = "io.duban", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule command_knows_nothing_of_the_read_side = noClasses()
            .that().resideInAPackage("io.duban.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.duban.query..", "io.duban.bot..",
                    "io.duban.deploy..");

    @ArchTest
    static final ArchRule query_uses_only_the_command_api = noClasses()
            .that().resideInAPackage("io.duban.query..")
            .should().dependOnClassesThat(resideInAPackage("io.duban.command..")
                    .and(not(resideInAPackage("io.duban.command.api..")))
                    .as("command classes outside io.duban.command.api"));

    /** The bot sends commands and asks queries: it sees the command api and the query api, no internals. */
    @ArchTest
    static final ArchRule the_bot_uses_only_the_command_api = noClasses()
            .that().resideInAPackage("io.duban.bot..")
            .should().dependOnClassesThat(resideInAPackage("io.duban.command..")
                    .and(not(resideInAPackage("io.duban.command.api..")))
                    .as("command classes outside io.duban.command.api"))
            .orShould().dependOnClassesThat(resideInAPackage("io.duban.query..")
                    .and(not(resideInAPackage("io.duban.query.api..")))
                    .as("query classes outside io.duban.query.api"))
            .orShould().dependOnClassesThat().resideInAnyPackage("io.duban.deploy..");

    /** The query api is what the bot (and any other edge) may see of the read side, so it must not lead past itself. */
    @ArchTest
    static final ArchRule the_query_api_is_self_contained = noClasses()
            .that().resideInAPackage("io.duban.query.api..")
            .should().dependOnClassesThat(resideInAPackage("io.duban.query..")
                    .and(not(resideInAPackage("io.duban.query.api..")))
                    .as("query classes outside io.duban.query.api"))
            .orShould().dependOnClassesThat().resideInAnyPackage("org.bson..", "org.springframework.data..");

    @ArchTest
    static final ArchRule the_read_side_knows_nothing_of_the_bot = noClasses()
            .that().resideInAPackage("io.duban.query..")
            .should().dependOnClassesThat().resideInAPackage("io.duban.bot..");

    @ArchTest
    static final ArchRule the_api_is_self_contained = noClasses()
            .that().resideInAPackage("io.duban.command.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.duban.command.catalog..",
                    "io.duban.command.commitment..", "io.duban.command.web..", "io.duban.command.access..");

    @ArchTest
    static final ArchRule nothing_depends_on_the_assembly = noClasses()
            .that().resideInAnyPackage("io.duban.command..", "io.duban.query..")
            .should().dependOnClassesThat().resideInAPackage("io.duban.deploy..");
}
