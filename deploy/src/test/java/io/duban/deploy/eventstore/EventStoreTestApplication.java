package io.duban.deploy.eventstore;

import io.duban.deploy.testdb.TestDatabase;

import io.duban.deploy.time.TimeConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.ArrayList;
import java.util.List;

/**
 * The production wiring of the event store (this package and the clock) on Spring Boot's and Axon's real
 * auto-configuration and application.yml, without component scanning and without MongoDB.
 * <p>
 * Deliberately not a {@code @Configuration}: {@code DubanApplication} scans all of {@code io.duban}, test classes
 * included, and would otherwise pick up these Mongo exclusions in every full-application test.
 */
@EnableAutoConfiguration(exclude = {
        MongoAutoConfiguration.class, MongoDataAutoConfiguration.class, MongoRepositoriesAutoConfiguration.class})
@Import({EventStoreConfiguration.class, TimeConfiguration.class})
class EventStoreTestApplication {

    /** Starts a non-web application on the given database; arguments override application.yml. */
    static ConfigurableApplicationContext start(TestDatabase database, String... extraArguments) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.datasource.url=" + database.url());
        if (database.user() != null) {
            arguments.add("--spring.datasource.username=" + database.user());
        }
        if (database.password() != null) {
            arguments.add("--spring.datasource.password=" + database.password());
        }
        arguments.add("--spring.main.banner-mode=off");
        arguments.add("--spring.datasource.hikari.maximum-pool-size=4");
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(EventStoreTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
