package io.duban.deploy.eventstore;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

/**
 * Tells Axon that an insert failed on a unique key, so that a second "first event" of an aggregate becomes an
 * {@code AggregateStreamCreationException} and a sequence clash a {@code ConcurrencyException}, instead of a plain
 * {@code EventStoreException}.
 * <p>
 * Axon's stock {@link JdbcSQLErrorCodesResolver} only looks for {@code SQLIntegrityConstraintViolationException} along
 * the cause chain. The event store appends with JDBC batches, and both H2 and PostgreSQL then throw a
 * {@code BatchUpdateException} that carries the real error in {@link SQLException#getNextException()} (H2 without a
 * cause at all). This resolver walks causes and next-exceptions and recognises SQLState {@value #UNIQUE_VIOLATION}
 * (the standard "unique violation" state, used by H2 and PostgreSQL), then falls back to the stock resolver.
 */
public final class SqlStateDuplicateKeyResolver implements PersistenceExceptionResolver {

    /** SQL standard SQLState for a unique constraint violation (H2 and PostgreSQL both use it). */
    public static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver stock = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return hasUniqueViolationState(exception) || stock.isDuplicateKeyViolation(exception);
    }

    /** Whether any throwable reachable through causes and {@link SQLException#getNextException()} has state 23505. */
    static boolean hasUniqueViolationState(Throwable root) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (root != null) {
            pending.push(root);
        }
        while (!pending.isEmpty()) {
            Throwable current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof SQLException sqlException) {
                if (UNIQUE_VIOLATION.equals(sqlException.getSQLState())) {
                    return true;
                }
                if (sqlException.getNextException() != null) {
                    pending.push(sqlException.getNextException());
                }
            }
            if (current.getCause() != null) {
                pending.push(current.getCause());
            }
        }
        return false;
    }
}
