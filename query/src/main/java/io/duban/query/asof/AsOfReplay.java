package io.duban.query.asof;

import io.duban.query.api.asof.AsOfBoard;
import com.mongodb.client.MongoClient;
import io.duban.query.board.CommitmentQueries;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.board.FindItemBoard;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.board.ItemBoardQueries;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.ItemsProjection;
import io.duban.query.catalog.PoliciesProjection;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.commitment.CommitmentsProjection;
import io.duban.query.light.BoardProperties;
import io.duban.query.light.TrafficLights;
import io.duban.query.web.NotFoundException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Answers "what did the views show at instant {@code at}?" from the events, not from today's views.
 * <p>
 * The events with a timestamp up to {@code at} are replayed into the <em>same</em> projection classes that build the
 * live views ({@link PoliciesProjection}, {@link ItemsProjection}, {@link UnitsProjection},
 * {@link CommitmentsProjection}), bound to a scratch MongoDB database {@code duban_asof_<random>} on the same client,
 * in batches through Axon's batching unit of work (one ordered {@code bulkWrite} per batch, as a processor writes).
 * The same board and detail queries ({@link ItemBoardQueries}, {@link CommitmentQueries}) then read the scratch
 * database with traffic lights judged by a clock fixed at {@code at}; the scratch database is dropped afterwards.
 * So an as-of answer has the shape and the rules of today's views by construction.
 * <p>
 * Events are read from the {@link EventStorageEngine}, never through snapshots: one commitment from its first
 * sequence number; the board from the start of the global stream, without blocking, until the first event later than
 * {@code at} plus {@link #ORDER_TOLERANCE} (the global order and the timestamps may disagree by the time between
 * creating an event and committing it; events later than {@code at} inside the tolerance are skipped, not stopped at).
 * Nothing here touches the live views, the processors' tokens or the bot's processors.
 */
@Component
public class AsOfReplay {

    /** How far an event's timestamp may run ahead of a later event's in the global stream. */
    static final Duration ORDER_TOLERANCE = Duration.ofMinutes(1);
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(AsOfReplay.class);

    private final EventStorageEngine storage;
    private final MongoClient client;
    private final Clock clock;
    private final BoardProperties properties;

    public AsOfReplay(EventStorageEngine storage, MongoClient client, Clock clock, BoardProperties properties) {
        this.storage = storage;
        this.client = client;
        this.clock = clock;
        this.properties = properties;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** One commitment at {@code at}; {@link NotFoundException} when it had not been registered by then. */
    public AsOfCommitment commitment(String commitmentId, Instant at) {
        try (Scratch scratch = new Scratch()) {
            DomainEventStream stream = storage.readEvents(commitmentId, 0L);
            Iterator<? extends EventMessage<?>> events = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return stream.hasNext();
                }

                @Override
                public EventMessage<?> next() {
                    return stream.next();
                }
            };
            Replayed replayed = scratch.replay(events, at, false);
            if (replayed.count() == 0) {
                throw new NotFoundException("承诺事项 " + commitmentId + " 在 " + at + " 时尚未登记");
            }
            var detail = new CommitmentQueries(new CommitmentReader(scratch.mongo), lightsAt(at))
                    .handle(new FindCommitment(commitmentId));
            return new AsOfCommitment(at, day(at), replayed.count(), replayed.last(), detail);
        }
    }

    /**
     * The item board of {@code policyId} (every policy when null) at {@code at}; {@link NotFoundException} when the
     * policy had not been imported by then.
     */
    public AsOfBoard board(String policyId, Instant at) {
        long started = System.nanoTime();
        try (Scratch scratch = new Scratch();
             Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
            Replayed replayed = scratch.replay(stream.iterator(), at, true);
            var board = boardOrWhyNot(scratch, policyId, at, replayed);
            log.info("As-of board {} at {}: {} events replayed in {} ms", policyId == null ? "(all)" : policyId, at,
                    replayed.count(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new AsOfBoard(policyId, at, day(at), replayed.count(), replayed.last(), board);
        }
    }

    /** The board; a policy not imported by {@code at} is a 404 that says so (and when it was imported, if later). */
    private List<ItemBoardEntry> boardOrWhyNot(Scratch scratch, String policyId, Instant at, Replayed replayed) {
        try {
            return new ItemBoardQueries(new CatalogReader(scratch.mongo), new CommitmentReader(scratch.mongo),
                    lightsAt(at)).handle(new FindItemBoard(policyId));
        } catch (NotFoundException e) {
            String when = at + "（" + zone().getId() + " " + LocalDateTime.ofInstant(at, zone()).withNano(0) + "）";
            throw new NotFoundException(replayed.count() == 0
                    ? "所查时刻 " + when + " 早于第一条事件：当时尚无任何记录。"
                    : "政策文件 " + policyId + " 在所查时刻 " + when + " 尚未导入（所查时刻早于其导入事件）；" + e.getMessage());
        }
    }

    private TrafficLights lightsAt(Instant at) {
        return new TrafficLights(Clock.fixed(at, zone()), properties);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone());
    }

    private record Replayed(long count, Instant last) {
    }

    /** A scratch database with the board's projections bound to it; dropped on close. */
    private final class Scratch implements AutoCloseable {

        private final String database = "duban_asof_" + UUID.randomUUID().toString().replace("-", "");
        private final MongoTemplate mongo = new MongoTemplate(client, database);
        private final List<AnnotationEventHandlerAdapter> handlers = List.of(
                adapter(new PoliciesProjection(mongo)), adapter(new ItemsProjection(mongo)),
                adapter(new UnitsProjection(mongo)), adapter(new CommitmentsProjection(mongo)));

        private static AnnotationEventHandlerAdapter adapter(Object projection) {
            return new AnnotationEventHandlerAdapter(projection);
        }

        /**
         * Feeds the events with a timestamp up to {@code at}; with {@code stopAfter}, stops at the first one later than
         * {@code at} plus the tolerance.
         */
        Replayed replay(Iterator<? extends EventMessage<?>> events, Instant at, boolean stopAfter) {
            Instant stopAt = at.plus(ORDER_TOLERANCE);
            long count = 0;
            Instant last = null;
            List<EventMessage<?>> batch = new ArrayList<>(BATCH);
            while (events.hasNext()) {
                EventMessage<?> event = events.next();
                Instant timestamp = event.getTimestamp();
                if (timestamp.isAfter(at)) {
                    if (stopAfter && timestamp.isAfter(stopAt)) {
                        break;
                    }
                    continue;
                }
                if (!handles(event)) {
                    continue;
                }
                batch.add(event);
                count++;
                last = last == null || timestamp.isAfter(last) ? timestamp : last;
                if (batch.size() == BATCH) {
                    handle(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                handle(batch);
            }
            return new Replayed(count, last);
        }

        private boolean handles(EventMessage<?> event) {
            return handlers.stream().anyMatch(handler -> handler.canHandle(event));
        }

        /** One batch in one unit of work: the projections' writes go out as one bulk write per view at commit. */
        private void handle(List<EventMessage<?>> batch) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                Throwable failure = result.exceptionResult();
                throw failure instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("As-of replay failed", failure);
            }
        }

        @Override
        public void close() {
            try {
                client.getDatabase(database).drop();
            } catch (RuntimeException e) {
                log.warn("Could not drop the as-of scratch database {}", database, e);
            }
        }
    }
}
