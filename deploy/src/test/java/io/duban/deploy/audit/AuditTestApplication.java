package io.duban.deploy.audit;

import io.duban.deploy.eventstore.EventStoreConfiguration;
import io.duban.deploy.testdb.TestDatabase;
import io.duban.deploy.time.TimeConfiguration;
import io.duban.query.audit.AuditConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The event store and audit wiring on the real auto-configuration, without web, MongoDB or component scanning.
 * Deliberately not a {@code @Configuration} (the application scans io.duban, test classes included).
 */
@EnableAutoConfiguration(exclude = {
        MongoAutoConfiguration.class, MongoDataAutoConfiguration.class, MongoRepositoriesAutoConfiguration.class})
@Import({EventStoreConfiguration.class, TimeConfiguration.class, AuditConfiguration.class})
class AuditTestApplication {

    static ConfigurableApplicationContext start(TestDatabase database, Path dataDir) {
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
        arguments.add("--duban.data-dir=" + dataDir.toAbsolutePath());
        arguments.add("--duban.audit.schedule=false");
        arguments.add("--duban.audit.gap-timeout=0s");
        return new SpringApplicationBuilder(AuditTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
