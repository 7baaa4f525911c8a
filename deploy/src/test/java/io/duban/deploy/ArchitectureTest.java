package io.duban.deploy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the module boundaries the product is designed around. */
@AnalyzeClasses(packages = "io.duban", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] MOVING = {};

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

    /** The audit answers its own part of the query api (io.duban.query.api.audit, in its module), nothing else. */
    @ArchTest
    static final ArchRule the_audit_knows_nothing_of_the_views = noClasses()
            .that().resideInAPackage("io.duban.query.audit..")
            .should().dependOnClassesThat(resideInAPackage("io.duban.query..")
                    .and(not(resideInAnyPackage("io.duban.query.audit..", "io.duban.query.api.audit..")))
                    .as("read-side classes outside io.duban.query.audit and its api io.duban.query.api.audit"));

    @ArchTest
    static final ArchRule the_api_is_self_contained = noClasses()
            .that().resideInAPackage("io.duban.command.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.duban.command.catalog..",
                    "io.duban.command.commitment..", "io.duban.command.web..", "io.duban.command.access..",
                    "io.duban.command.dispatch..", "io.duban.command.calendar..", "io.duban.command.directory..",
                    "io.duban.command.guard..");

    @ArchTest
    static final ArchRule nothing_depends_on_the_assembly = noClasses()
            .that().resideOutsideOfPackage("io.duban.deploy..")
            .should().dependOnClassesThat().resideInAPackage("io.duban.deploy..");

    /** No package cycle anywhere in the product (each package is a slice). */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("io.duban.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAnyPackage(MOVING), DescribedPredicate.alwaysTrue())
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAnyPackage(MOVING));

    /** What deploy may touch of another module: what it wires, never a feature's insides. */
    private static final DescribedPredicate<JavaClass> WIRING_SURFACE =
            resideInAnyPackage("io.duban.command.api..")
                    .or(annotatedWith(Configuration.class))
                    .or(annotatedWith(ConfigurationProperties.class))
                    .or(DescribedPredicate.describe("a named entry point", (JavaClass c) -> Set.of(
                            // the product's `verify` command (README, "Inspectors")
                            "io.duban.query.audit.verify.AuditCli",
                            // the port of the view rebuild that the event store implements
                            "io.duban.query.rebuild.StoredEventTypes",
                            // one entry of AccountProperties, which security reads
                            "io.duban.command.access.Account",
                            // the signed-in account, which the console's sign-in maps to the console's user
                            "io.duban.command.access.DubanUser").contains(c.getName())));

    /**
     * deploy only wires: the composition root and the infrastructure (event store, embedded MongoDB, scheduling,
     * cluster, security, web). A feature (a controller, a job's logic, a query) lives in the module that owns it; this
     * rule failed while unit urging, the dispatch job and the audit lived here.
     */
    @ArchTest
    static final ArchRule deploy_only_wires = noClasses()
            .that().resideInAPackage("io.duban.deploy..").and(not(resideInAnyPackage(MOVING)))
            .should().dependOnClassesThat(resideInAnyPackage("io.duban.command..", "io.duban.query..",
                    "io.duban.bot..").and(not(WIRING_SURFACE))
                    .as("another module's classes other than its api, configuration and named entry points"));

    /** No saga: the saga store and its tables were removed; adding a saga means choosing a store again. */
    @ArchTest
    static final ArchRule no_sagas = noClasses()
            .should().beAnnotatedWith("org.axonframework.spring.stereotype.Saga")
            .orShould().dependOnClassesThat().resideInAPackage("org.axonframework.modelling.saga..");

    /**
     * Periodic work is declared as {@code PeriodicWork} and runs on the one (Quartz) scheduler. Left out: the
     * cluster package (per-node segment balancing and Axon's command retry back-off, which must run on every node),
     * the progress log of a view rebuild (lives as long as one rebuild on one node), and the code on its way out.
     */
    @ArchTest
    static final ArchRule periodic_work_runs_on_the_scheduler = noClasses()
            .that().resideOutsideOfPackages("io.duban.deploy.cluster..")
            .and(not(resideInAnyPackage(MOVING)))
            .and().doNotHaveFullyQualifiedName("io.duban.query.rebuild.ViewRebuilder")
            .should().callMethod(ScheduledExecutorService.class, "scheduleWithFixedDelay", Runnable.class,
                    long.class, long.class, java.util.concurrent.TimeUnit.class)
            .orShould().callMethod(ScheduledExecutorService.class, "scheduleAtFixedRate", Runnable.class,
                    long.class, long.class, java.util.concurrent.TimeUnit.class);
}
