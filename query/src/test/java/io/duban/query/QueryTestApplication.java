package io.duban.query;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.Role;
import io.duban.command.api.SignedInActor;
import io.duban.command.api.evidence.EvidenceStorage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.duban.query.rebuild.StoredEventTypes;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The query module alone, for its Spring integration test: Axon with an in-memory event store and token store, the
 * views on an in-process MongoDB wire server, a fixed clock. Security belongs to the deploy module and is left out.
 */
@SpringBootApplication(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
public class QueryTestApplication {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate TODAY = LocalDate.of(2024, 7, 12);

    @Bean
    public EventStorageEngine eventStorageEngine() {
        return new InMemoryEventStorageEngine();
    }

    /** The in-memory store has no SQL: read its stream, as the JDBC implementation's query would answer. */
    @Bean
    public StoredEventTypes storedEventTypes(EventStorageEngine engine) {
        return payloadTypes -> engine.readEvents(null, false)
                .filter(event -> payloadTypes.contains(event.getPayloadType().getName()))
                .map(event -> event.trackingToken().position())
                .flatMapToLong(position -> position.stream())
                .min();
    }

    /** 佐证材料 kept in memory (the product keeps them in the event store's database). */
    @Bean
    public EvidenceStorage evidenceStorage() {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        return new EvidenceStorage() {
            @Override
            public void store(String sha256, byte[] content) {
                files.putIfAbsent(sha256, content.clone());
            }

            @Override
            public Optional<byte[]> read(String sha256) {
                return Optional.ofNullable(files.get(sha256));
            }
        };
    }

    /** Security is left out: every request reads as the office. */
    @Bean
    public SignedInActor signedInActor() {
        return () -> new Actor("office", "领导小组办公室", Role.OFFICE, Set.of(), Channel.WEB, null);
    }

    @Bean
    public Clock clock() {
        return Clock.fixed(TODAY.atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
    }
}
