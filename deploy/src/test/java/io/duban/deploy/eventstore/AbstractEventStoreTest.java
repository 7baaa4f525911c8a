package io.duban.deploy.eventstore;

import io.duban.deploy.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.Role;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The event store wiring against a real database: one application shared by most cases on a database of its own,
 * and a fresh database for the schema case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractEventStoreTest {

    static final List<String> AXON_TABLES =
            List.of("DOMAINEVENTENTRY", "SNAPSHOTEVENTENTRY", "TOKENENTRY");
    /** Duban has no saga: its store and tables were removed (an Axon default store stays dormant, without tables). */
    static final List<String> SAGA_TABLES = List.of("SAGAENTRY", "ASSOCIATIONVALUEENTRY");

    private final ObjectMapper json = new ObjectMapper();
    private TestDatabase sharedDatabase;
    private ConfigurableApplicationContext app;

    /** A new, empty database or schema; {@code name} tells the runs of one class apart. */
    protected abstract TestDatabase createDatabase(String name) throws Exception;

    /** The type JDBC metadata reports for payload, metadata, token and saga columns. */
    protected abstract String expectedBinaryColumnType();

    private TestAbortedException unavailable;

    @BeforeAll
    void startApplication() throws Exception {
        try {
            sharedDatabase = createDatabase("shared");
        } catch (TestAbortedException e) {
            // Aborting here would make Surefire report "Tests run: 0"; skip each test with the reason instead.
            unavailable = e;
            return;
        }
        app = EventStoreTestApplication.start(sharedDatabase);
    }

    @BeforeEach
    void skipWhenTheDatabaseIsUnavailable() {
        if (unavailable != null) {
            throw unavailable;
        }
    }

    @AfterAll
    void stopApplication() throws Exception {
        if (app != null) {
            app.close();
        }
        if (sharedDatabase != null) {
            sharedDatabase.close();
        }
    }

    @Test
    void schemaIsCreatedOnAnEmptyDatabaseAndAStartUpTwiceIsFine() throws Exception {
        try (TestDatabase database = createDatabase("schema")) {
            // given an empty database
            assertThat(axonTablesIn(database)).isEmpty();
            String aggregateId = newAggregateId();

            // when the application starts
            try (ConfigurableApplicationContext first = EventStoreTestApplication.start(database)) {
                // then all of Axon's tables exist and work
                assertThat(axonTablesIn(database)).containsExactlyInAnyOrderElementsOf(AXON_TABLES);
                first.getBean(EventStore.class).publish(progress(aggregateId, 0, 10));
            }

            // when it starts again on the same database
            try (ConfigurableApplicationContext second = EventStoreTestApplication.start(database)) {
                // then there is nothing left to create and the earlier event is still there
                assertThat(second.getBean(AxonSchemaInitializer.class).createMissingTables()).isEmpty();
                assertThat(axonTablesIn(database)).containsExactlyInAnyOrderElementsOf(AXON_TABLES);
                assertThat(second.getBean(EventStore.class).readEvents(aggregateId).asStream().toList())
                        .extracting(e -> (Object) e.getPayload())
                        .containsExactly(progress(aggregateId, 0, 10).getPayload());
            }
        }
    }

    @Test
    void ourBeansAreTheOnesAxonUses() {
        // given the running application, then Axon's auto-configuration backed off in favour of the JDBC beans here
        assertThat(app.getBeansOfType(EventStorageEngine.class).values())
                .singleElement().isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(app.getBeansOfType(TokenStore.class).values())
                .singleElement().isInstanceOf(JdbcTokenStore.class);
        assertThat(app.getBean(org.axonframework.common.jdbc.PersistenceExceptionResolver.class))
                .isInstanceOf(SqlStateDuplicateKeyResolver.class);
    }

    @Test
    void appendedEventsComeBackInOrderWithTheSamePayload() {
        // given
        EventStore eventStore = app.getBean(EventStore.class);
        String aggregateId = newAggregateId();
        List<DomainEventMessage<ProgressReported>> events =
                List.of(progress(aggregateId, 0, 10), progress(aggregateId, 1, 40), progress(aggregateId, 2, 90));

        // when
        eventStore.publish(events);

        // then the aggregate stream has them in order, with equal payloads
        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(aggregateId).asStream().toList();
        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(stream).extracting(e -> (Object) e.getPayload())
                .containsExactly(events.get(0).getPayload(), events.get(1).getPayload(), events.get(2).getPayload());
        assertThat(stream).extracting(DomainEventMessage::getIdentifier)
                .containsExactly(events.get(0).getIdentifier(), events.get(1).getIdentifier(),
                        events.get(2).getIdentifier());

        // and the global stream delivers them in the same order with gap-aware tokens
        List<TrackedEventMessage<?>> tracked = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> all =
                     app.getBean(EventStorageEngine.class).readEvents((TrackingToken) null, false)) {
            all.filter(e -> e instanceof DomainEventMessage<?> d && aggregateId.equals(d.getAggregateIdentifier()))
                    .forEach(tracked::add);
        }
        assertThat(tracked).extracting(TrackedEventMessage::getIdentifier)
                .containsExactly(events.get(0).getIdentifier(), events.get(1).getIdentifier(),
                        events.get(2).getIdentifier());
        assertThat(tracked).extracting(TrackedEventMessage::trackingToken)
                .allSatisfy(token -> assertThat(token).isInstanceOf(GapAwareTrackingToken.class));
    }

    @Test
    void theStoredPayloadIsReadableJsonInABinaryColumn() throws Exception {
        // given
        String aggregateId = newAggregateId();
        DomainEventMessage<ProgressReported> event = progress(aggregateId, 0, 55);

        // when
        app.getBean(EventStore.class).publish(event);

        // then the payload column holds the record as JSON
        byte[] payload;
        String payloadType;
        try (Connection connection = sharedDatabase.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload, payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            select.setString(1, aggregateId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("a row for %s", aggregateId).isTrue();
                payload = rs.getBytes(1);
                payloadType = rs.getString(2);
            }
        }
        assertThat(payloadType).isEqualTo(ProgressReported.class.getName());
        JsonNode node = json.readTree(new String(payload, StandardCharsets.UTF_8));
        assertThat(node.path("commitmentId").asText()).isEqualTo(aggregateId);
        assertThat(node.path("percent").asInt()).isEqualTo(55);
        assertThat(node.path("note").asText()).isEqualTo("说明 55");
        assertThat(node.path("actor").path("userId").asText()).isEqualTo("u-1");
        assertThat(node.path("actor").path("unitIds").isArray()).isTrue();

        // and every binary column is of the dialect's plain binary type
        try (Connection connection = sharedDatabase.connect()) {
            assertThat(columnType(connection, "DomainEventEntry", "payload")).isEqualTo(expectedBinaryColumnType());
            assertThat(columnType(connection, "DomainEventEntry", "metaData")).isEqualTo(expectedBinaryColumnType());
            assertThat(columnType(connection, "SnapshotEventEntry", "payload")).isEqualTo(expectedBinaryColumnType());
            assertThat(columnType(connection, "TokenEntry", "token")).isEqualTo(expectedBinaryColumnType());
        }
    }

    @Test
    void aSecondCreationOfTheSameAggregateIsAnAggregateStreamCreationException() {
        // given an aggregate whose first event is stored
        EventStore eventStore = app.getBean(EventStore.class);
        String aggregateId = newAggregateId();
        eventStore.publish(progress(aggregateId, 0, 10));

        // when another first event for the same id is appended, then
        assertThatThrownBy(() -> eventStore.publish(progress(aggregateId, 0, 20)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(eventStore.readEvents(aggregateId).asStream().toList()).hasSize(1);
    }

    @Test
    void aSequenceClashInAnExistingStreamIsAConcurrencyException() {
        // given a stream with events 0 and 1
        EventStore eventStore = app.getBean(EventStore.class);
        String aggregateId = newAggregateId();
        eventStore.publish(List.of(progress(aggregateId, 0, 10), progress(aggregateId, 1, 20)));

        // when a second event 1 is appended, then
        assertThatThrownBy(() -> eventStore.publish(progress(aggregateId, 1, 30)))
                .isExactlyInstanceOf(ConcurrencyException.class);
        assertThat(eventStore.readEvents(aggregateId).asStream().toList())
                .extracting(e -> ((ProgressReported) e.getPayload()).percent())
                .containsExactly(10, 20);
    }

    @Test
    void aTrackingTokenIsStoredAndReadBack() throws Exception {
        // given a processor with one segment
        TokenStore tokenStore = app.getBean(TokenStore.class);
        String processor = "it-" + UUID.randomUUID();
        tokenStore.initializeTokenSegments(processor, 1);
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(42, Set.of(40L, 41L));

        // when
        tokenStore.storeToken(token, processor, 0);

        // then
        assertThat(tokenStore.fetchToken(processor, 0)).isEqualTo(token);
        try (Connection connection = sharedDatabase.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT token, tokenType FROM TokenEntry WHERE processorName = ? AND segment = 0")) {
            select.setString(1, processor);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("tokenType")).isEqualTo(GapAwareTrackingToken.class.getName());
                assertThat(json.readTree(rs.getBytes("token")).path("index").asLong()).isEqualTo(42);
            }
        }
    }

    @Test
    void noSagaTableIsCreated() throws SQLException {
        // given the running application (Duban declares no saga), then the database holds no saga table
        try (Connection connection = sharedDatabase.connect()) {
            assertThat(SchemaTables.of(connection, "test")).doesNotContainAnyElementsOf(SAGA_TABLES);
        }
    }

    static String newAggregateId() {
        return "P-" + UUID.randomUUID() + ".1.U-1";
    }

    static DomainEventMessage<ProgressReported> progress(String aggregateId, long sequence, int percent) {
        Actor actor = new Actor("u-1", "张三", Role.UNIT, Set.of("U-1"), Channel.SYSTEM, null);
        ProgressReported payload = new ProgressReported(aggregateId, percent, 0, "说明 " + percent, null, actor);
        return new GenericDomainEventMessage<>("Commitment", aggregateId, sequence, payload);
    }

    static Set<String> axonTablesIn(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            Set<String> tables = new TreeSet<>(SchemaTables.of(connection, "test"));
            tables.retainAll(AXON_TABLES);
            return tables;
        }
    }

    private static String columnType(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String t : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            for (String c : List.of(column, column.toUpperCase(Locale.ROOT), column.toLowerCase(Locale.ROOT))) {
                try (ResultSet rs = metaData.getColumns(connection.getCatalog(), connection.getSchema(), t, c)) {
                    if (rs.next()) {
                        return rs.getString("TYPE_NAME");
                    }
                }
            }
        }
        throw new AssertionError("no column " + table + "." + column);
    }
}
