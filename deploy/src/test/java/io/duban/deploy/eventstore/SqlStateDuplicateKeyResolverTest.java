package io.duban.deploy.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

/** The resolver on the exception shapes the H2 and PostgreSQL drivers produce (seen in the event store tests). */
class SqlStateDuplicateKeyResolverTest {

    private final SqlStateDuplicateKeyResolver resolver = new SqlStateDuplicateKeyResolver();

    @Test
    void findsTheUniqueViolationBehindABatchUpdateExceptionsNextException() {
        // given a batch failure whose own state says nothing and whose real error is chained as "next"
        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        // when / then
        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("wrapped", batch))).isTrue();
    }

    @Test
    void findsItAlongTheCauseChain() {
        SQLException cause = new SQLException("unique", "23505");
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new RuntimeException(cause)))).isTrue();
    }

    @Test
    void keepsTheStockRuleForIntegrityConstraintExceptions() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLIntegrityConstraintViolationException("x", "23000")))
                .isTrue();
    }

    @Test
    void otherErrorsAreNoDuplicates() {
        // given a connection failure and a NOT NULL violation (23502) chained the same way
        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0]);
        batch.setNextException(new SQLException("null value in column", "23502"));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
    }

    @Test
    void survivesACyclicChain() {
        // given next-exceptions that point back at each other
        SQLException first = new SQLException("a", "HY000");
        SQLException second = new SQLException("b", "HY000");
        first.setNextException(second);
        second.setNextException(first);

        assertThat(resolver.isDuplicateKeyViolation(first)).isFalse();
    }
}
