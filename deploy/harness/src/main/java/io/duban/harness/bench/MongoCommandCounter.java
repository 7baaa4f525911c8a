package io.duban.harness.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the commands the application's MongoDB client sends from the web server's request threads (the bench's
 * instrument, added to the context by the bench only): the console phase reads the count around each page to check
 * that no page issues one query per row. The synchronous driver calls the listener on the thread that sends the
 * command, and the query bus runs a page's queries on the request's thread, so the processors and the bot's
 * background work (which share the client) are left out.
 */
@Configuration(proxyBeanMethods = false)
public class MongoCommandCounter implements CommandListener {

    /** Tomcat's request threads: http-nio-8080-exec-1, http-nio-auto-1-exec-1 (port 0)... */
    private static final String REQUEST_THREADS = "http-nio-";

    private final AtomicLong started = new AtomicLong();

    @Bean
    MongoClientSettingsBuilderCustomizer countingMongoCommands() {
        return settings -> settings.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (Thread.currentThread().getName().startsWith(REQUEST_THREADS)) {
            started.incrementAndGet();
        }
    }

    /** Commands started so far by the web server's request threads. */
    public long started() {
        return started.get();
    }
}
