package io.duban.deploy.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.duban.deploy.time.TimeConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** The embedded MongoDB-wire server under Spring Boot's real Mongo auto-configuration and application.yml. */
class EmbeddedMongoConfigurationTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, MongoDataAutoConfiguration.class))
                .withUserConfiguration(EmbeddedMongoConfiguration.class, TimeConfiguration.class)
                .withPropertyValues("duban.data-dir=" + dataDir.resolve("nested/data"));
    }

    @Test
    void startsWhenNoUriIsSetAndARealClientWritesAndReads() {
        runner().run(context -> {
            // given no MongoDB URI, then the embedded server runs and Boot's client points at it
            assertThat(context).hasSingleBean(EmbeddedMongoServer.class);
            EmbeddedMongoServer server = context.getBean(EmbeddedMongoServer.class);
            assertThat(server.port()).isPositive();
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
                    .containsExactly("127.0.0.1:" + server.port());
            assertThat(context.getBean(MongoDatabaseFactory.class).getMongoDatabase().getName()).isEqualTo("duban");

            // when a document is written through the auto-configured client
            MongoCollection<Document> probes =
                    context.getBean(MongoClient.class).getDatabase("duban").getCollection("probe");
            probes.insertOne(new Document("_id", "p-1").append("title", "督办事项"));

            // then it reads back
            assertThat(probes.find(Filters.eq("_id", "p-1")).first()).containsEntry("title", "督办事项");
        });
        assertThat(dataDir.resolve("nested/data/views.mv")).isRegularFile();
    }

    @Test
    void dataWrittenSurvivesAStopAndStartOnTheSameDataDirectory() {
        // given a document written by one run
        runner().run(context -> context.getBean(MongoClient.class).getDatabase("duban").getCollection("views")
                .insertOne(new Document("_id", "c-1").append("percent", 40)));

        // when the application starts again on the same data directory, then the document is still there
        runner().run(context -> assertThat(context.getBean(MongoClient.class).getDatabase("duban")
                .getCollection("views").find(Filters.eq("_id", "c-1")).first())
                .isNotNull()
                .containsEntry("percent", 40));
    }

    @Test
    void theDatabaseNameIsConfigurable() {
        runner().withPropertyValues("spring.data.mongodb.database=views_test").run(context ->
                assertThat(context.getBean(MongoDatabaseFactory.class).getMongoDatabase().getName())
                        .isEqualTo("views_test"));
    }

    @Test
    void aFixedPortIsUsed() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        runner().withPropertyValues("duban.embedded-mongo.port=" + port)
                .run(context -> assertThat(context.getBean(EmbeddedMongoServer.class).port()).isEqualTo(port));
    }

    @Test
    void notStartedWhenSpringDataMongodbUriIsSet() {
        String uri = "mongodb://127.0.0.1:27999/production";
        runner().withPropertyValues("spring.data.mongodb.uri=" + uri).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class);
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString())
                    .isEqualTo(uri);
        });
        assertThat(dataDir.resolve("nested/data/views.mv")).doesNotExist();
    }

    @Test
    void notStartedWhenTheMongodbUriVariableIsSet() {
        // MONGODB_URI reaches spring.data.mongodb.uri through application.yml
        String uri = "mongodb://127.0.0.1:27999/production";
        runner().withPropertyValues("MONGODB_URI=" + uri).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMongoServer.class);
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString())
                    .isEqualTo(uri);
        });
    }

    @Test
    void clientsAreClosedBeforeTheServerWhichThenStopsListening() {
        AtomicInteger port = new AtomicInteger();
        runner().run(context -> {
            // given the running server and Boot's client, then the client depends on the server
            port.set(context.getBean(EmbeddedMongoServer.class).port());
            String[] clientNames = context.getBeanNamesForType(MongoClient.class);
            assertThat(clientNames).isNotEmpty();
            for (String client : clientNames) {
                assertThat(context.getBeanFactory().getDependenciesForBean(client))
                        .contains(EmbeddedMongoConfiguration.SERVER_BEAN);
            }
            context.getBean(MongoClient.class).getDatabase("duban").getCollection("probe")
                    .insertOne(new Document("_id", 1));
        });
        // when the context has closed, then nothing listens on the port any more
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port.get()), 1000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void aHostWithoutUriIsRefusedRatherThanSilentlyEmbedded() {
        runner().withPropertyValues("spring.data.mongodb.host=mongo.internal").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("spring.data.mongodb.host").hasMessageContaining("MONGODB_URI"));
    }
}
