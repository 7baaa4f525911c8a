package io.duban.bot;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An in-process MongoDB wire server (memory backend) on 127.0.0.1, and real drivers talking to it. Each
 * {@link #newTemplate()} opens its own client, as a second node of the bot would.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final String DATABASE = "bot-test";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<MongoClient> clients = new ArrayList<>();
    private final String uri;

    public MongoWireServer() {
        server.bind("127.0.0.1", 0);
        uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    /** A template on a client of its own; closed with the server. */
    public MongoTemplate newTemplate() {
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // a test that stops the server should fail fast, not wait the default 30 s for it to come back
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build());
        clients.add(client);
        return new MongoTemplate(client, DATABASE);
    }

    /** The server goes away; the clients stay, and fail their next call after a short wait. */
    public void stopServer() {
        server.shutdownNow();
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }
}
