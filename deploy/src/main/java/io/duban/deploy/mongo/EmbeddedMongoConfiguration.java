package io.duban.deploy.mongo;

import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The embedded default for the views: a MongoDB-wire server (mongo-java-server, H2 backend) in
 * {@code ${duban.data-dir}/views.mv}, started only when no external MongoDB URI is configured
 * ({@link NoExternalMongoCondition}). Spring Boot's Mongo auto-configuration connects to it through the
 * {@link MongoConnectionDetails} bean, so the rest of the application does not know which MongoDB it talks to.
 * <p>
 * Shutdown order: every {@link MongoClient} bean depends on the server, so Spring closes the clients first and the
 * server (and its backend file) last.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalMongoCondition.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoConfiguration {

    static final String SERVER_BEAN = "embeddedMongoServer";

    @Bean(name = SERVER_BEAN, destroyMethod = "close")
    public EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties,
                                                   @Value("${duban.data-dir:./data}") String dataDir,
                                                   @Value("${spring.data.mongodb.host:}") String externalHost,
                                                   Clock clock) {
        if (StringUtils.hasText(externalHost)) {
            // Without a URI the embedded server would silently win over a host meant for production.
            throw new IllegalStateException("spring.data.mongodb.host is set (" + externalHost + ") but no URI: "
                    + "configure the external MongoDB with MONGODB_URI (or spring.data.mongodb.uri)");
        }
        Path file = StringUtils.hasText(properties.file())
                ? Path.of(properties.file())
                : Path.of(dataDir).resolve("views.mv");
        return EmbeddedMongoServer.start(file, properties.port(), properties.cacheMib(), clock);
    }

    @Bean
    public MongoConnectionDetails embeddedMongoConnectionDetails(
            EmbeddedMongoServer server, @Value("${spring.data.mongodb.database:duban}") String database) {
        ConnectionString connectionString =
                new ConnectionString("mongodb://" + server.host() + ":" + server.port() + "/" + database);
        return () -> connectionString;
    }

    @Bean
    public static MongoClientDependsOnEmbeddedServer mongoClientDependsOnEmbeddedServer() {
        return new MongoClientDependsOnEmbeddedServer();
    }

    /** Makes every MongoClient bean depend on the server: created after it, closed before it. */
    static final class MongoClientDependsOnEmbeddedServer extends AbstractDependsOnBeanFactoryPostProcessor {
        MongoClientDependsOnEmbeddedServer() {
            super(MongoClient.class, SERVER_BEAN);
        }
    }
}
