package io.duban.console.inbox;

import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.inbox.FindOfficeInbox;
import io.duban.query.api.inbox.OfficeInbox;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads 待办 through the query bus: one page of the inbox in one query (the first {@value #PAGE_SIZE} rows of each
 * list, or the next ones, and every list's total); one commitment when a decided row is checked.
 */
@Component
class InboxReader {

    private static final long TIMEOUT_SECONDS = 30;

    private final QueryGateway queries;

    InboxReader(QueryGateway queries) {
        this.queries = queries;
    }

    static final int PAGE_SIZE = 20;

    /** The first page. */
    OfficeInbox inbox() {
        return inbox(1);
    }

    /** Page {@code page} (from 1): rows {@code (page - 1) * PAGE_SIZE} on of each list. */
    OfficeInbox inbox(int page) {
        return await(queries.query(new FindOfficeInbox((page - 1) * PAGE_SIZE, PAGE_SIZE), OfficeInbox.class))
                .orElseThrow();
    }

    /** The commitment as the read side shows it now; empty when it does not know it (any more). */
    Optional<CommitmentDetail> commitment(String commitmentId) {
        return await(queries.query(new FindCommitment(commitmentId), CommitmentDetail.class));
    }

    private static <R> Optional<R> await(java.util.concurrent.CompletableFuture<R> answer) {
        try {
            return Optional.ofNullable(answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("查询被中断", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("查询超时", e);
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof org.springframework.web.ErrorResponse refused
                        && refused.getStatusCode().value() == 404) {
                    return Optional.empty();
                }
            }
            throw new IllegalStateException("查询失败", e.getCause());
        }
    }
}
