package io.duban.query.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the REST controllers ask the query bus: wait for the answer and rethrow a handler's
 * {@link ErrorResponse} (404, 400) as it was thrown, however the bus wrapped it.
 */
@Component
public class QueryCalls {

    private static final long TIMEOUT_SECONDS = 30;

    private final QueryGateway gateway;

    public QueryCalls(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R one(Object query, Class<R> responseType) {
        return await(gateway.query(query, ResponseTypes.instanceOf(responseType)));
    }

    public <R> List<R> many(Object query, Class<R> elementType) {
        return await(gateway.query(query, ResponseTypes.multipleInstancesOf(elementType)));
    }

    private static <R> R await(CompletableFuture<R> answer) {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("查询被中断", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("查询超时", e);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    static RuntimeException rethrowable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponse && t instanceof RuntimeException runtime) {
                return runtime;
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
