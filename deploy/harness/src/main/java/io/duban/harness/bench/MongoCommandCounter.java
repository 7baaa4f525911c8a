package io.duban.harness.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the commands the application's MongoDB client sends (the bench's instrument, added to the context by the
 * bench only): the console phase reads the count around each page to check that no page issues one query per row.
 */
@Configuration(proxyBeanMethods = false)
public class MongoCommandCounter implements CommandListener {

    private final AtomicLong started = new AtomicLong();

    @Bean
    MongoClientSettingsBuilderCustomizer countingMongoCommands() {
        return settings -> settings.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        started.incrementAndGet();
    }

    /** Commands started so far, by every thread of the application. */
    public long started() {
        return started.get();
    }
}
